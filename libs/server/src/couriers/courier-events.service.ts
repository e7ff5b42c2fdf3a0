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
import { ShipmentEntity } from './shipment.entity';

export const COURIER_ACTOR: Actor = { type: 'system', id: null, name: '택배사 연동 / Courier feed' };

/** Statuses that mean the parcel is in trouble: the shop should call the customer before they call. */
const TROUBLE: ShipmentStatus[] = ['exception', 'lost', 'expired', 'returned_to_sender'];
/** Orders at or above this are handled with the high-value template. */
const HIGH_VALUE_KRW = 300_000;

export type ApplyOutcome = 'applied' | 'out_of_order' | 'already_applied' | 'missing';

/**
 * Applies stored courier events to shipments, in occurred-at order per shipment, and drives the
 * tickets that wait on them. One transaction per event covers the event mark, the shipment and every
 * ticket change, so a retried job can neither skip nor repeat the automation.
 */
@Injectable()
export class CourierEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly scenarios: TicketScenarioService,
  ) {}

  async apply(courierEventId: string): Promise<ApplyOutcome> {
    const afterCommit: (() => Promise<void>)[] = [];
    const outcome = await this.db.transaction(async (m): Promise<ApplyOutcome> => {
      const e = await m
        .getRepository(CourierEventEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id: courierEventId })
        .getOne();
      if (!e) return 'missing';
      if (e.appliedAt) return 'already_applied';

      // Serialise per shipment: concurrent scans of one parcel apply one after the other.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('shipment:' || $1 || ':' || $2))`, [e.courierCode, e.waybill]);
      const repo = m.getRepository(ShipmentEntity);
      let shipment = await repo.findOneBy({ courierCode: e.courierCode, waybill: e.waybill });
      let moved = false;
      let previous: ShipmentStatus | null = null;
      if (!shipment) {
        shipment = await repo.save(
          repo.create({
            courierCode: e.courierCode,
            waybill: e.waybill,
            status: e.status,
            rawStatus: e.rawStatus,
            lastEventAt: e.occurredAt,
            expectedDelivery: e.expectedDelivery,
          }),
        );
        moved = true;
      } else if (e.occurredAt >= shipment.lastEventAt) {
        previous = shipment.status;
        moved = shipment.status !== e.status;
        shipment.status = e.status;
        shipment.rawStatus = e.rawStatus;
        shipment.lastEventAt = e.occurredAt;
        shipment.expectedDelivery = e.expectedDelivery ?? shipment.expectedDelivery;
        await repo.save(shipment);
      }
      const result: ApplyOutcome = e.occurredAt >= shipment.lastEventAt || moved ? 'applied' : 'out_of_order';
      await m.update(CourierEventEntity, { id: e.id }, { shipmentId: shipment.id, appliedAt: new Date(), outcome: result });
      if (moved) await this.automate(m, e, previous, afterCommit);
      return result;
    });
    for (const work of afterCommit) await work().catch(() => undefined);
    return outcome;
  }

  /** What a status change means for the desk. */
  private async automate(
    m: EntityManager,
    e: CourierEventEntity,
    previous: ShipmentStatus | null,
    afterCommit: (() => Promise<void>)[],
  ): Promise<void> {
    const enclosing = { m, afterCommit };
    const open = (await m
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where('t.waybill_number = :w', { w: e.waybill })
      .andWhere('(t.courier_code = :c OR t.courier_code IS NULL)', { c: e.courierCode })
      .andWhere(`t.status NOT IN ('resolved', 'closed')`)
      .getMany()) as TicketEntity[];
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

    if (open.length === 0 && TROUBLE.includes(e.status)) await this.proactiveTicket(m, e, update, enclosing);
  }

  /** Opens a ticket before the customer complains, with what earlier tickets knew about the order. */
  private async proactiveTicket(
    m: EntityManager,
    e: CourierEventEntity,
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
