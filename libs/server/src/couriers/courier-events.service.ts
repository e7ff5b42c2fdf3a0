import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SHIPMENT_STATUS_LABELS, type ShipmentStatus } from '@shopdesk/contracts/couriers';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import type { Actor } from '../auth/actor';
import { DomainError } from '../core/errors/domain-error';
import { NotificationEntity } from '../notifications/notification.entity';
import { TicketScenarioService } from '../scenarios/ticket-scenario.service';
import { planStatusChange } from '../tickets/ticket-lifecycle';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketsService, type EventDraft } from '../tickets/tickets.service';
import { CourierEventEntity } from './courier-event.entity';

export const COURIER_ACTOR: Actor = { type: 'system', id: null, name: '택배사 연동 / Courier feed' };

/** Statuses that mean the parcel is in trouble: the shop should call the customer before they call. */
const TROUBLE: ShipmentStatus[] = ['exception', 'lost', 'expired', 'returned_to_sender'];
/** Orders at or above this are handled with the high-value template. */
const HIGH_VALUE_KRW = 300_000;

export type ApplyOutcome = 'applied' | 'out_of_order' | 'already_applied' | 'missing';

/** The fields of a stored event that applying it reads. */
type StoredEvent = Pick<
  CourierEventEntity,
  'id' | 'courierCode' | 'waybill' | 'status' | 'rawStatus' | 'occurredAt' | 'location' | 'description' | 'expectedDelivery' | 'appliedAt'
>;

interface ShipmentState {
  id: string | null;
  status: ShipmentStatus;
  rawStatus: string;
  lastEventAt: Date;
  expectedDelivery: string | null;
  /** Created by this batch, or changed by it. */
  created: boolean;
  changed: boolean;
}

/** A ticket that waits on a parcel (not resolved or closed). */
interface OpenTicket {
  id: string;
  waybill: string;
  courierCode: string | null;
}

const shipmentKey = (courierCode: string, waybill: string) => `${courierCode}\u0000${waybill}`;

/**
 * Applies stored courier events to shipments, in occurred-at order per shipment, and drives the
 * tickets that wait on them. One transaction covers a batch of events: their marks, their shipments
 * and every ticket change, so a retried job can neither skip nor repeat the automation. Within a
 * batch each shipment's events are applied in occurred-at order; an event older than what its
 * shipment already shows is kept in history as out_of_order and never moves the status backwards.
 */
@Injectable()
export class CourierEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly scenarios: TicketScenarioService,
  ) {}

  async apply(courierEventId: string): Promise<ApplyOutcome> {
    return (await this.applyMany([courierEventId])).get(courierEventId) ?? 'missing';
  }

  /**
   * Applies several events (e.g. one intake batch). When the batch cannot commit as a whole, its
   * shipments are applied one at a time so one failing shipment does not hold back the others; the
   * first error is then rethrown, so the job is retried for what is left (applied events are skipped).
   */
  async applyMany(courierEventIds: string[]): Promise<Map<string, ApplyOutcome>> {
    const ids = [...new Set(courierEventIds.map(String))];
    try {
      return await this.applyTogether(ids);
    } catch (err) {
      if (ids.length === 1) throw err;
      const rows = (await this.db.query(
        `SELECT id, courier_code, waybill FROM courier_events WHERE id = ANY($1::bigint[]) AND applied_at IS NULL ORDER BY id`,
        [ids],
      )) as { id: string; courier_code: string; waybill: string }[];
      const groups = new Map<string, string[]>();
      for (const r of rows) {
        const k = shipmentKey(r.courier_code, r.waybill);
        groups.set(k, [...(groups.get(k) ?? []), String(r.id)]);
      }
      if (groups.size <= 1) throw err;
      const outcomes = new Map<string, ApplyOutcome>();
      let firstError: unknown = null;
      for (const group of groups.values()) {
        try {
          for (const [id, o] of await this.applyTogether(group)) outcomes.set(id, o);
        } catch (e) {
          firstError ??= e;
        }
      }
      if (firstError) throw firstError;
      for (const id of ids) if (!outcomes.has(id)) outcomes.set(id, 'already_applied');
      return outcomes;
    }
  }

  private async applyTogether(ids: string[]): Promise<Map<string, ApplyOutcome>> {
    const afterCommit: (() => Promise<void>)[] = [];
    const outcomes = new Map<string, ApplyOutcome>();
    await this.db.transaction(async (m) => {
      // Locked in id order, so concurrent batches that share events cannot deadlock on them.
      const rows = (await m.query(
        `SELECT id, courier_code, waybill, status, raw_status, occurred_at, location, description,
                expected_delivery::text AS expected_delivery, applied_at
           FROM courier_events WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
        [ids],
      )) as Record<string, any>[];
      const events: StoredEvent[] = rows.map((r) => ({
        id: String(r.id),
        courierCode: r.courier_code,
        waybill: r.waybill,
        status: r.status,
        rawStatus: r.raw_status,
        occurredAt: new Date(r.occurred_at),
        location: r.location,
        description: r.description,
        expectedDelivery: r.expected_delivery,
        appliedAt: r.applied_at,
      }));
      for (const id of ids) outcomes.set(id, 'missing');
      const groups = new Map<string, StoredEvent[]>();
      for (const e of events) {
        if (e.appliedAt) {
          outcomes.set(e.id, 'already_applied');
          continue;
        }
        const k = shipmentKey(e.courierCode, e.waybill);
        const g = groups.get(k);
        if (g) g.push(e);
        else groups.set(k, [e]);
      }
      if (groups.size === 0) return;
      const keys = [...groups.values()].map((g) => [g[0].courierCode, g[0].waybill]);
      const couriers = keys.map((k) => k[0]);
      const waybills = keys.map((k) => k[1]);

      // Serialise per shipment: concurrent scans of one parcel apply one after the other. The locks
      // are taken in one fixed order, so two batches sharing parcels cannot deadlock on them.
      await m.query(
        `SELECT count(pg_advisory_xact_lock(k))::int AS n FROM (
           SELECT DISTINCT hashtext('shipment:' || c || ':' || w) AS k FROM unnest($1::text[], $2::text[]) AS x(c, w) ORDER BY 1
         ) locks`,
        [couriers, waybills],
      );
      const existing = (await m.query(
        `SELECT s.id, s.courier_code, s.waybill, s.status, s.raw_status, s.last_event_at, s.expected_delivery::text AS expected_delivery
           FROM shipments s JOIN unnest($1::text[], $2::text[]) AS x(c, w) ON s.courier_code = x.c AND s.waybill = x.w`,
        [couriers, waybills],
      )) as Record<string, any>[];
      const shipments = new Map<string, ShipmentState>();
      for (const s of existing) {
        shipments.set(shipmentKey(s.courier_code, s.waybill), {
          id: s.id,
          status: s.status,
          rawStatus: s.raw_status,
          lastEventAt: new Date(s.last_event_at),
          expectedDelivery: s.expected_delivery,
          created: false,
          changed: false,
        });
      }

      // In memory, per shipment in occurred-at order (receipt order on a tie): what each event does.
      const moves: { e: StoredEvent; key: string; previous: ShipmentStatus | null }[] = [];
      const applied: { e: StoredEvent; key: string; outcome: ApplyOutcome }[] = [];
      for (const [key, group] of groups) {
        group.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || Number(a.id) - Number(b.id));
        for (const e of group) {
          let shipment = shipments.get(key);
          let moved = false;
          let previous: ShipmentStatus | null = null;
          if (!shipment) {
            shipment = {
              id: null,
              status: e.status,
              rawStatus: e.rawStatus,
              lastEventAt: e.occurredAt,
              expectedDelivery: e.expectedDelivery,
              created: true,
              changed: true,
            };
            shipments.set(key, shipment);
            moved = true;
          } else if (e.occurredAt >= shipment.lastEventAt) {
            previous = shipment.status;
            moved = shipment.status !== e.status;
            shipment.status = e.status;
            shipment.rawStatus = e.rawStatus;
            shipment.lastEventAt = e.occurredAt;
            shipment.expectedDelivery = e.expectedDelivery ?? shipment.expectedDelivery;
            shipment.changed = true;
          }
          const outcome: ApplyOutcome = e.occurredAt >= shipment.lastEventAt || moved ? 'applied' : 'out_of_order';
          applied.push({ e, key, outcome });
          if (moved) moves.push({ e, key, previous });
        }
      }

      // The shipments: new ones in one INSERT, changed ones in one UPDATE.
      const created = [...shipments.entries()].filter(([, s]) => s.created);
      if (created.length > 0) {
        const inserted = (await m.query(
          `INSERT INTO shipments (courier_code, waybill, status, raw_status, last_event_at, expected_delivery)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::date[])
           RETURNING id, courier_code, waybill`,
          [
            created.map(([k]) => groups.get(k)![0].courierCode),
            created.map(([k]) => groups.get(k)![0].waybill),
            created.map(([, s]) => s.status),
            created.map(([, s]) => s.rawStatus),
            created.map(([, s]) => s.lastEventAt),
            created.map(([, s]) => s.expectedDelivery),
          ],
        )) as { id: string; courier_code: string; waybill: string }[];
        for (const r of inserted) shipments.get(shipmentKey(r.courier_code, r.waybill))!.id = r.id;
      }
      const changed = [...shipments.values()].filter((s) => s.changed && !s.created);
      if (changed.length > 0) {
        await m.query(
          `UPDATE shipments s
              SET status = x.status, raw_status = x.raw_status, last_event_at = x.last_event_at,
                  expected_delivery = x.expected_delivery, updated_at = now()
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::date[]) AS x(id, status, raw_status, last_event_at, expected_delivery)
            WHERE s.id = x.id`,
          [
            changed.map((s) => s.id),
            changed.map((s) => s.status),
            changed.map((s) => s.rawStatus),
            changed.map((s) => s.lastEventAt),
            changed.map((s) => s.expectedDelivery),
          ],
        );
      }
      await m.query(
        `UPDATE courier_events e SET shipment_id = x.shipment_id, applied_at = $4, outcome = x.outcome
           FROM unnest($1::bigint[], $2::uuid[], $3::text[]) AS x(id, shipment_id, outcome)
          WHERE e.id = x.id`,
        [applied.map((a) => a.e.id), applied.map((a) => shipments.get(a.key)!.id), applied.map((a) => a.outcome), new Date()],
      );
      for (const a of applied) outcomes.set(a.e.id, a.outcome);

      // What each status change means for the desk, in order. The waiting tickets of every moved
      // parcel are read once; a parcel that gets a proactive ticket is read again for its next change.
      if (moves.length === 0) return;
      const movedKeys = [...new Set(moves.map((mv) => mv.key))];
      const open = await this.openTickets(
        m,
        movedKeys.map((k) => groups.get(k)![0].waybill),
      );
      for (const { e, previous } of moves) {
        const waiting = open.filter((t) => t.waybill === e.waybill && (t.courierCode === e.courierCode || t.courierCode === null));
        const opened = await this.automate(m, e, previous, waiting, afterCommit);
        if (opened) {
          const fresh = await this.openTickets(m, [e.waybill]);
          for (const t of fresh) if (!open.some((o) => o.id === t.id)) open.push(t);
        }
      }
    });
    for (const work of afterCommit) await work().catch(() => undefined);
    return outcomes;
  }

  private async openTickets(m: EntityManager, waybills: string[]): Promise<OpenTicket[]> {
    const rows = (await m.query(
      `SELECT id, waybill_number, courier_code FROM tickets
        WHERE waybill_number = ANY($1::text[]) AND status NOT IN ('resolved', 'closed') ORDER BY created_at, id`,
      [waybills],
    )) as { id: string; waybill_number: string; courier_code: string | null }[];
    return rows.map((r) => ({ id: r.id, waybill: r.waybill_number, courierCode: r.courier_code }));
  }

  /** What a status change means for the desk. */
  private async automate(
    m: EntityManager,
    e: StoredEvent,
    previous: ShipmentStatus | null,
    open: OpenTicket[],
    afterCommit: (() => Promise<void>)[],
  ): Promise<boolean> {
    const enclosing = { m, afterCommit };
    const label = SHIPMENT_STATUS_LABELS[e.status];
    const update: EventDraft = {
      kind: 'courier_update',
      before: previous ? { shipmentStatus: previous } : null,
      after: {
        shipmentStatus: e.status,
        rawStatus: e.rawStatus,
        occurredAt: e.occurredAt.toISOString(),
        location: e.location,
        description: e.description,
        label,
      },
    };

    for (const t of open) {
      await this.tickets.applyChange(t.id, COURIER_ACTOR, { enclosing }, async (locked, at, mm) => {
        const drafts: EventDraft[] = [update];
        if (e.status === 'delivered' && locked.type === 'missing_delivery' && locked.status === 'pending_courier') {
          // The courier says delivered while we wait on it: back to the agent, flagged.
          Object.assign(locked, planStatusChange(locked.status, 'open', locked, at));
          drafts.push({ kind: 'status_changed', before: { status: locked.status }, after: { status: 'open' } });
          locked.status = 'open';
          if (!locked.tags.includes('courier_delivered')) {
            drafts.push({ kind: 'tags_changed', before: { tags: locked.tags }, after: { tags: [...locked.tags, 'courier_delivered'].sort() } });
            locked.tags = [...locked.tags, 'courier_delivered'].sort();
          }
        }
        if (e.status === 'attempt_failed' && locked.assigneeId) {
          await mm.insert(NotificationEntity, {
            recipientId: locked.assigneeId,
            ticketId: locked.id,
            kind: 'courier_attempt_failed',
            titleKo: `${locked.reference} 배송 시도 실패 (${e.location ?? '위치 미상'})`,
            titleEn: `${locked.reference}: delivery attempt failed (${e.location ?? 'unknown location'})`,
          });
        }
        return drafts;
      });
    }

    if (open.length === 0 && TROUBLE.includes(e.status)) {
      await this.proactiveTicket(m, e, update, enclosing);
      return true;
    }
    return false;
  }

  /** Opens a ticket before the customer complains, with what earlier tickets knew about the order. */
  private async proactiveTicket(
    m: EntityManager,
    e: StoredEvent,
    update: EventDraft,
    enclosing: { m: EntityManager; afterCommit: (() => Promise<void>)[] },
  ): Promise<TicketRecord> {
    const known = await m
      .getRepository(TicketEntity)
      .findOne({ where: { waybillNumber: e.waybill }, order: { createdAt: 'DESC' } });
    const amount = known?.orderAmount ?? null;
    const highValue = (amount ?? 0) >= HIGH_VALUE_KRW || (known?.tags ?? []).includes('high_value');
    const label = SHIPMENT_STATUS_LABELS[e.status];
    const ticket = await this.tickets.create(
      {
        type: 'missing_delivery',
        subject: `[자동] 배송 이상: ${label.ko} — 송장 ${e.waybill}`,
        description:
          `택배사가 '${label.ko}'(${e.rawStatus}) 상태를 보냈습니다${e.location ? ` (${e.location})` : ''}. 고객에게 먼저 연락하세요.\n` +
          `The courier reported "${label.en}" (${e.rawStatus}). Contact the customer before they contact us.`,
        priority: highValue ? 'urgent' : 'high',
        channel: 'courier',
        tags: ['proactive', `courier_${e.status}`, ...(highValue ? ['high_value'] : [])],
        customer: {
          name: known?.customerName ?? '고객 확인 필요 / Customer to identify',
          email: known?.customerEmail ?? undefined,
          phone: known?.customerPhone ?? undefined,
        },
        order: known
          ? {
              number: known.orderNumber ?? undefined,
              items: known.orderItems,
              amount: known.orderAmount ?? undefined,
              paymentMethod: known.paymentMethod ?? undefined,
              paidAt: known.paidAt?.toISOString(),
            }
          : undefined,
        shipment: { courierCode: e.courierCode, waybillNumber: e.waybill, expectedDeliveryDate: e.expectedDelivery ?? undefined },
      },
      COURIER_ACTOR,
      { enclosing },
    );
    await this.tickets.applyChange(ticket.id, COURIER_ACTOR, { enclosing }, () => [update]);
    try {
      await this.scenarios.apply(ticket.id, highValue ? 'lost_high_value' : 'missing_item', COURIER_ACTOR, { enclosing });
    } catch (err) {
      // A shop that removed or disabled the template still gets the ticket; agents pick one by hand.
      if (!(err instanceof DomainError) || !['TEMPLATE_NOT_FOUND', 'VALIDATION_FAILED'].includes(err.code)) throw err;
    }
    return ticket;
  }
}
