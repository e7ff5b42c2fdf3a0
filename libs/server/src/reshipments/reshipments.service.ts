import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReshipmentRecord } from '@shopdesk/contracts/reshipments';
import type { Actor } from '../auth/actor';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { writeOutbox } from '../core/outbox/outbox';
import { QueueName } from '../core/queue/queue-names';
import { verifyGenericSignature } from '../couriers/providers/signatures';
import { WebhookRejected } from '../couriers/providers/provider';
import { normalizeWaybill } from '../couriers/providers/parsing';
import { planStatusChange } from '../tickets/ticket-lifecycle';
import { TicketsService, type EventDraft, type TicketChangeContext } from '../tickets/tickets.service';
import { ReshipmentRequestEntity } from './reshipment-request.entity';
import { reshipmentJobId, SEND_RESHIPMENT } from './reshipments.job';

export const WAREHOUSE_ACTOR: Actor = { type: 'system', id: null, name: '물류센터 / Warehouse' };

/** A warehouse answer we will not retry (4xx): the request fails with the warehouse's reason. */
class WarehouseRefused extends Error {}

/**
 * Reshipments: created in the ticket's transaction (resolution "reship" or an agent action)
 * together with an outbox row; sent to the warehouse API with an Idempotency-Key by the worker;
 * confirmed by the warehouse's signed callback, which tracks the new waybill on the ticket.
 */
@Injectable()
export class ReshipmentsService implements OnModuleInit {
  private readonly logger = new Logger(ReshipmentsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.tickets.addListener({ onTicketChange: (ctx) => this.onTicketChange(ctx) });
  }

  /** The template automation `reshipment_request` becomes a real request in the same transaction. */
  private async onTicketChange(ctx: TicketChangeContext) {
    const wanted = ctx.drafts.filter(
      (d) => d.kind === 'automation_pending' && (d.after as { action?: string } | null)?.action === 'reshipment_request',
    );
    if (wanted.length === 0) return;
    const [scenario] = (await ctx.m.query(`SELECT field_values FROM ticket_scenarios WHERE ticket_id = $1`, [ctx.ticket.id])) as {
      field_values: { missingItems?: { sku: string; qty: number; name?: string }[] };
    }[];
    const items = scenario?.field_values?.missingItems?.length
      ? scenario.field_values.missingItems
      : ctx.ticket.orderItems.map(({ sku, qty, name }) => ({ sku, qty, ...(name ? { name } : {}) }));
    const r = await this.create(ctx.m, ctx.ticket.id, items, '템플릿 처리 결과: 재배송 / resolution: reship');
    return { drafts: [{ kind: 'reshipment_requested' as const, before: null, after: { reshipmentId: r.id, items, status: r.status } }] };
  }

  /** Agent action: request a reshipment of `items` on a ticket. */
  async request(ticketId: string, items: { sku: string; qty: number; name?: string }[], reason: string, actor: Actor): Promise<ReshipmentRecord> {
    let created!: ReshipmentRequestEntity;
    await this.tickets.applyChange(ticketId, actor, {}, async (_t, _at, m) => {
      created = await this.create(m, ticketId, items, reason);
      return [{ kind: 'reshipment_requested', before: null, after: { reshipmentId: created.id, items, status: created.status } }];
    });
    return toRecord(created);
  }

  private async create(m: import('typeorm').EntityManager, ticketId: string, items: ReshipmentRequestEntity['items'], reason: string) {
    if (items.length === 0) {
      throw new DomainError('VALIDATION_FAILED', '재배송할 상품이 없습니다. / Nothing to reship.', { items: 'at least one item' });
    }
    const r = await m.getRepository(ReshipmentRequestEntity).save(
      m.create(ReshipmentRequestEntity, { ticketId, items, reason, status: 'requested', address: null }),
    );
    await writeOutbox(m, {
      topic: 'reshipment.requested',
      queue: QueueName.Reshipments,
      jobName: SEND_RESHIPMENT,
      jobId: `${reshipmentJobId(r.id)}-${r.attempts}`,
      data: { reshipmentId: r.id },
    });
    return r;
  }

  async forTicket(ticketId: string): Promise<ReshipmentRecord[]> {
    const rows = await this.db.getRepository(ReshipmentRequestEntity).find({ where: { ticketId }, order: { createdAt: 'DESC' } });
    return rows.map(toRecord);
  }

  /** Worker: one delivery attempt. Timeouts and 5xx throw (BullMQ retries with backoff); 4xx fails for good. */
  async send(id: string): Promise<'accepted' | 'failed' | 'skipped'> {
    const r = await this.db.getRepository(ReshipmentRequestEntity).findOneBy({ id });
    if (!r || !['requested', 'sent'].includes(r.status)) return 'skipped';
    const w = this.config.warehouse;
    if (!w.apiUrl || !w.apiKey) throw new Error('warehouse API not configured (WAREHOUSE_API_URL, WAREHOUSE_API_KEY)');
    const [ticket] = (await this.db.query(`SELECT reference, order_number FROM tickets WHERE id = $1`, [r.ticketId])) as {
      reference: string;
      order_number: string | null;
    }[];
    await this.db.query(`UPDATE reshipment_requests SET status = 'sent', attempts = attempts + 1, updated_at = now() WHERE id = $1`, [id]);
    try {
      const res = await fetch(`${w.apiUrl}/reshipments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${w.apiKey}`, 'idempotency-key': r.idempotencyKey },
        body: JSON.stringify({
          reference: r.id,
          ticketReference: ticket?.reference ?? null,
          orderNumber: ticket?.order_number ?? null,
          items: r.items,
          address: r.address,
          reason: r.reason,
          callbackUrl: `${this.config.publicBaseUrl}/webhooks/warehouse`,
        }),
        signal: AbortSignal.timeout(w.timeoutMs),
      });
      const text = await res.text();
      if (res.status >= 500) throw new Error(`warehouse answered ${res.status}: ${text.slice(0, 200)}`);
      if (res.status >= 400) throw new WarehouseRefused(`warehouse refused (${res.status}): ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { warehouseRef?: string };
      await this.update(r.ticketId, id, { status: 'accepted', warehouseRef: body.warehouseRef ?? null, lastError: null });
      return 'accepted';
    } catch (err) {
      const message = (err as Error).message.slice(0, 500);
      if (err instanceof WarehouseRefused) {
        await this.update(r.ticketId, id, { status: 'failed', lastError: message });
        return 'failed';
      }
      await this.db.query(`UPDATE reshipment_requests SET last_error = $2, updated_at = now() WHERE id = $1`, [id, message]);
      throw err;
    }
  }

  /** Records a status change on the request and on the ticket's timeline, in one transaction. */
  private async update(ticketId: string, id: string, patch: Partial<ReshipmentRequestEntity>): Promise<void> {
    await this.tickets.applyChange(ticketId, WAREHOUSE_ACTOR, { allowClosed: true }, async (_t, _at, m) => {
      const r = await m.getRepository(ReshipmentRequestEntity).findOneByOrFail({ id });
      const before = { status: r.status };
      Object.assign(r, patch);
      await m.getRepository(ReshipmentRequestEntity).save(r);
      return [{ kind: 'reshipment_updated', before, after: { reshipmentId: id, ...patch } }];
    });
  }

  /** Agent: send a failed request again (same idempotency key), or cancel one not yet accepted. */
  async retry(id: string, actor: Actor): Promise<ReshipmentRecord> {
    const r = await this.db.getRepository(ReshipmentRequestEntity).findOneBy({ id });
    if (!r) throw new DomainError('NOT_FOUND', '재배송 요청을 찾을 수 없습니다. / Reshipment not found.');
    if (r.status !== 'failed') throw new DomainError('ILLEGAL_STATUS_TRANSITION', `'${r.status}' 요청은 재시도할 수 없습니다. / Only failed requests can be retried.`);
    await this.tickets.applyChange(r.ticketId, actor, {}, async (_t, _at, m) => {
      await m.update(ReshipmentRequestEntity, { id }, { status: 'requested', lastError: null });
      await writeOutbox(m, { topic: 'reshipment.retry', queue: QueueName.Reshipments, jobName: SEND_RESHIPMENT, jobId: `${reshipmentJobId(id)}-${r.attempts}`, data: { reshipmentId: id } });
      return [{ kind: 'reshipment_updated', before: { status: 'failed' }, after: { reshipmentId: id, status: 'requested' } }];
    });
    return toRecord((await this.db.getRepository(ReshipmentRequestEntity).findOneBy({ id }))!);
  }

  async cancel(id: string, actor: Actor): Promise<ReshipmentRecord> {
    const r = await this.db.getRepository(ReshipmentRequestEntity).findOneBy({ id });
    if (!r) throw new DomainError('NOT_FOUND', '재배송 요청을 찾을 수 없습니다. / Reshipment not found.');
    if (!['requested', 'failed'].includes(r.status)) {
      throw new DomainError('ILLEGAL_STATUS_TRANSITION', `'${r.status}' 요청은 취소할 수 없습니다. / Only requested or failed requests can be cancelled.`);
    }
    await this.tickets.applyChange(r.ticketId, actor, {}, async (_t, _at, m) => {
      await m.update(ReshipmentRequestEntity, { id }, { status: 'cancelled' });
      return [{ kind: 'reshipment_updated', before: { status: r.status }, after: { reshipmentId: id, status: 'cancelled' } }];
    });
    return toRecord((await this.db.getRepository(ReshipmentRequestEntity).findOneBy({ id }))!);
  }

  /** The warehouse's signed callback: shipped with a new waybill → tracked on the ticket, which waits on the courier. */
  async warehouseCallback(rawBody: Buffer | undefined, headers: Record<string, string | undefined>): Promise<'shipped' | 'duplicate'> {
    const secret = this.config.warehouse.callbackSecret;
    if (!secret) throw new WebhookRejected(401, 'x-signature', 'warehouse callbacks are not configured');
    if (!rawBody?.length) throw new WebhookRejected(400, 'body', 'empty body');
    verifyGenericSignature({ rawBody, headers, secrets: [secret], now: new Date() });
    let body: { reference?: unknown; warehouseRef?: unknown; status?: unknown; courierCode?: unknown; waybill?: unknown };
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new WebhookRejected(400, 'body', 'not valid JSON');
    }
    for (const f of ['reference', 'courierCode', 'waybill'] as const) {
      if (typeof body[f] !== 'string' || !(body[f] as string).trim()) throw new WebhookRejected(422, f, `${f} is required`);
    }
    if (body.status !== 'shipped') throw new WebhookRejected(422, 'status', 'only "shipped" is understood');
    const r = await this.db.getRepository(ReshipmentRequestEntity).findOneBy({ id: String(body.reference) }).catch(() => null);
    if (!r) throw new WebhookRejected(422, 'reference', 'unknown reshipment');
    const courierCode = String(body.courierCode);
    const waybill = normalizeWaybill(String(body.waybill));
    let outcome: 'shipped' | 'duplicate' = 'duplicate';
    await this.tickets.applyChange(r.ticketId, WAREHOUSE_ACTOR, { allowClosed: true }, async (t, at, m) => {
      const locked = await m.getRepository(ReshipmentRequestEntity).findOneByOrFail({ id: r.id });
      if (locked.status === 'shipped' || locked.status === 'delivered') return [];
      const drafts: EventDraft[] = [
        { kind: 'reshipment_updated', before: { status: locked.status }, after: { reshipmentId: r.id, status: 'shipped', courierCode, waybill } },
      ];
      await m.update(ReshipmentRequestEntity, { id: r.id }, {
        status: 'shipped',
        courierCode,
        waybill,
        warehouseRef: typeof body.warehouseRef === 'string' ? body.warehouseRef : locked.warehouseRef,
      });
      // The replacement parcel is the one to track now; the old waybill stays in the history.
      drafts.push({
        kind: 'details_changed',
        before: { courierCode: t.courierCode, waybillNumber: t.waybillNumber },
        after: { courierCode, waybillNumber: waybill },
      });
      t.courierCode = courierCode;
      t.waybillNumber = waybill;
      if (t.status !== 'pending_courier' && t.status !== 'closed' && t.status !== 'resolved') {
        Object.assign(t, planStatusChange(t.status, 'pending_courier', t, at));
        drafts.push({ kind: 'status_changed', before: { status: t.status }, after: { status: 'pending_courier' } });
        t.status = 'pending_courier';
      }
      outcome = 'shipped';
      return drafts;
    });
    return outcome;
  }
}

function toRecord(r: ReshipmentRequestEntity): ReshipmentRecord {
  return {
    id: r.id,
    ticketId: r.ticketId,
    items: r.items,
    reason: r.reason,
    status: r.status,
    idempotencyKey: r.idempotencyKey,
    attempts: r.attempts,
    lastError: r.lastError,
    warehouseRef: r.warehouseRef,
    courierCode: r.courierCode,
    waybill: r.waybill,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
