import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CourierProvider } from '@shopdesk/contracts/couriers';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { QueueName } from '../core/queue/queue-names';
import {
  APPLY_COURIER_EVENT,
  APPLY_COURIER_EVENT_OPTIONS,
  courierEventJobId,
  type ApplyCourierEventPayload,
} from './courier-events.job';
import { adapterFor, rawPayloadObject, WebhookRejected } from './providers/provider';
import { withRequestId } from '../core/request-context/request-context';

export interface WebhookDelivery {
  provider: CourierProvider;
  rawBody: Buffer | undefined;
  headers: Record<string, string | undefined>;
  ip: string | undefined;
  /** Sweet Tracker's per-integration path token. */
  token?: string;
}

/**
 * Receives courier webhooks: verify on the raw body, parse, store every scan once (unique per
 * provider event id), acknowledge, and leave the applying to the worker. A duplicate is a 2xx
 * without effect; a rejection is recorded with its reason.
 */
@Injectable()
export class CourierWebhooksService {
  private readonly logger = new Logger(CourierWebhooksService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.CourierEvents) private readonly queue: Queue<ApplyCourierEventPayload>,
  ) {}

  async receive(d: WebhookDelivery): Promise<{ accepted: number; duplicates: number; ack: unknown }> {
    try {
      return await this.accept(d);
    } catch (err) {
      if (err instanceof WebhookRejected) {
        await this.db
          .query(
            `INSERT INTO courier_webhook_rejections (provider, http_status, field, reason, ip) VALUES ($1, $2, $3, $4, $5)`,
            [d.provider, err.status, err.field, err.message.slice(0, 500), d.ip?.slice(0, 100) ?? null],
          )
          .catch((e: unknown) => this.logger.warn({ err: e }, 'could not record a webhook rejection'));
      }
      throw err;
    }
  }

  private async accept(d: WebhookDelivery): Promise<{ accepted: number; duplicates: number; ack: unknown }> {
    const w = this.config.webhooks;
    const secrets =
      d.provider === 'aftership' ? w.aftershipSecrets : d.provider === 'generic' ? w.genericSecrets : [];
    if (d.provider === 'sweettracker') {
      if (!w.sweetTrackerToken || !d.token || !constantTimeEqual(d.token, w.sweetTrackerToken)) {
        throw new WebhookRejected(401, 'token', 'unknown integration token');
      }
    } else if (secrets.length === 0) {
      throw new WebhookRejected(401, 'signature', `${d.provider} webhooks are not configured`);
    }
    if (!d.rawBody || d.rawBody.length === 0) throw new WebhookRejected(400, 'body', 'empty body');
    const adapter = adapterFor(d.provider);
    adapter.verify({
      rawBody: d.rawBody,
      headers: d.headers,
      secrets,
      now: new Date(),
      ip: d.ip,
      allowedIps: d.provider === 'sweettracker' ? w.sweetTrackerAllowedIps : undefined,
    });
    const scans = adapter.parse(d.rawBody);
    const raw = rawPayloadObject(d.rawBody);

    const ids: string[] = [];
    let duplicates = 0;
    for (const s of scans) {
      const rows = (await this.db.query(
        `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, location, description, expected_delivery, raw)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
        [d.provider, s.eventId, s.courierCode, s.waybill, s.status, s.rawStatus, s.occurredAt, s.location, s.description, s.expectedDelivery, raw],
      )) as { id: string }[];
      if (rows.length) ids.push(String(rows[0].id));
      else duplicates++;
    }
    // Stored before we answer; if Redis is away the reconciler queues them later.
    await this.queue
      .addBulk(
        ids.map((courierEventId) => ({
          name: APPLY_COURIER_EVENT,
          data: withRequestId({ courierEventId }),
          opts: { ...APPLY_COURIER_EVENT_OPTIONS, jobId: courierEventJobId(courierEventId) },
        })),
      )
      .catch((err: unknown) => this.logger.warn({ err }, 'courier events stored but not queued; the reconciler will'));
    return { accepted: ids.length, duplicates, ack: adapter.ackBody() };
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  // Hash first so lengths never leak and timingSafeEqual gets equal-length inputs.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
