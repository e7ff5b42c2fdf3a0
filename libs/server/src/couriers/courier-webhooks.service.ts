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
  APPLY_COURIER_EVENT_OPTIONS,
  APPLY_COURIER_EVENTS,
  APPLY_COURIER_EVENTS_MAX,
  courierEventsJobId,
  type ApplyCourierEventsPayload,
} from './courier-events.job';
import { CourierEventBatcher, eventKey, type ScanToStore } from './courier-event-batcher';
import { adapterFor, rawPayloadObject, WebhookRejected } from './providers/provider';
import { currentRequestId } from '../core/request-context/request-context';

/** A stored batch closes at this many scans (one INSERT, 11 parameters a row). */
const BATCH_MAX_ROWS = 500;
/** Columns of one courier_events row as the INSERT lists them. */
const COLUMNS = 11;

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
  private readonly batcher: CourierEventBatcher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.CourierEvents) private readonly queue: Queue<ApplyCourierEventsPayload>,
  ) {
    // Half the pool at most, so the rest of the API keeps connections while webhooks pour in.
    const maxInFlight = Math.max(1, Math.min(4, Math.floor(config.databasePoolSize / 2)));
    this.batcher = new CourierEventBatcher((rows) => this.storeAndQueue(rows), { maxRows: BATCH_MAX_ROWS, maxInFlight });
  }

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

    const rawJson = JSON.stringify(raw);
    const requestId = currentRequestId();
    // Stored (committed) before we answer, together with the scans of concurrent requests.
    const { ids, duplicates } = await this.batcher.submit(
      scans.map((scan): ScanToStore => ({ provider: d.provider, scan, rawJson, requestId })),
    );
    return { accepted: ids.length, duplicates, ack: adapter.ackBody() };
  }

  /**
   * One multi-row INSERT for a batch of distinct scans (ids in their order, null for an event
   * already stored). The requests are answered once it committed; their new events are queued as
   * batch jobs right after (if Redis is away the reconciler queues them later: they are stored).
   */
  private async storeAndQueue(rows: ScanToStore[]): Promise<{ ids: (string | null)[]; followUp?: Promise<unknown> }> {
    // In one fixed order (provider, event id): two batches that share events (re-deliveries) then
    // wait on each other's rows in the same order and cannot deadlock.
    const keyOf = (r: ScanToStore) => eventKey(r.provider, r.scan.eventId);
    const ordered = [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    const params: unknown[] = [];
    const values = ordered.map((r, i) => {
      const s = r.scan;
      params.push(r.provider, s.eventId, s.courierCode, s.waybill, s.status, s.rawStatus, s.occurredAt, s.location, s.description, s.expectedDelivery, r.rawJson);
      const b = i * COLUMNS;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}, $${b + 11})`;
    });
    const inserted = (await this.db.query(
      `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, location, description, expected_delivery, raw)
       VALUES ${values.join(', ')}
       ON CONFLICT (provider, event_id) DO NOTHING RETURNING id, provider, event_id`,
      params,
    )) as { id: string; provider: string; event_id: string }[];
    const byKey = new Map(inserted.map((r) => [eventKey(r.provider, r.event_id), String(r.id)]));
    const ids = rows.map((r) => byKey.get(keyOf(r)) ?? null);
    return { ids, followUp: this.queueStored(rows, ids) };
  }

  private async queueStored(rows: ScanToStore[], ids: (string | null)[]): Promise<void> {
    const fresh = ids.filter((id): id is string => id !== null);
    if (fresh.length === 0) return;
    const requestIds = [...new Set(rows.filter((_, i) => ids[i] !== null).map((r) => r.requestId).filter((x): x is string => !!x))];
    const jobs = [];
    for (let i = 0; i < fresh.length; i += APPLY_COURIER_EVENTS_MAX) {
      const courierEventIds = fresh.slice(i, i + APPLY_COURIER_EVENTS_MAX);
      jobs.push({
        name: APPLY_COURIER_EVENTS,
        data: { courierEventIds, ...(requestIds.length ? { requestIds: requestIds.slice(0, 50) } : {}) },
        opts: { ...APPLY_COURIER_EVENT_OPTIONS, jobId: courierEventsJobId(courierEventIds[0]) },
      });
    }
    await this.queue
      .addBulk(jobs)
      .catch((err: unknown) => this.logger.warn({ err }, 'courier events stored but not queued; the reconciler will'));
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  // Hash first so lengths never leak and timingSafeEqual gets equal-length inputs.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
