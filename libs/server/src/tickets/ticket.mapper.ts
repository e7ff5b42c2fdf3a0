import type { TicketEventRecord, TicketMessageRecord, TicketRecord } from '@shopdesk/contracts/tickets';
import type { TicketEventEntity } from './ticket-event.entity';
import type { TicketMessageEntity } from './ticket-message.entity';
import type { TicketEntity } from './ticket.entity';

export function toTicketRecord(t: TicketEntity): TicketRecord {
  return {
    id: t.id,
    reference: t.reference,
    type: t.type,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    subject: t.subject,
    description: t.description,
    customer: { name: t.customerName, email: t.customerEmail, phone: t.customerPhone, locale: t.customerLocale },
    order: {
      number: t.orderNumber,
      items: t.orderItems ?? [],
      amount: t.orderAmount,
      currency: 'KRW',
      paymentMethod: t.paymentMethod,
      paidAt: t.paidAt ? t.paidAt.toISOString() : null,
    },
    shipment: {
      courierCode: t.courierCode,
      waybillNumber: t.waybillNumber,
      expectedDeliveryDate: t.expectedDeliveryDate,
    },
    assigneeId: t.assigneeId,
    assigneeName: t.assignee?.name ?? null,
    tags: t.tags ?? [],
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    resolvedAt: t.resolvedAt ? t.resolvedAt.toISOString() : null,
    templateKey: t.templateKey ?? null,
    nextDeadlineAt: t.nextDeadlineAt ? t.nextDeadlineAt.toISOString() : null,
    slaDueAt: t.slaDueAt ? t.slaDueAt.toISOString() : null,
    slaBreached: t.slaBreached ?? false,
    mergedIntoId: t.mergedIntoId ?? null,
  };
}

export function toMessageRecord(m: TicketMessageEntity): TicketMessageRecord {
  return {
    id: m.id,
    ticketId: m.ticketId,
    kind: m.kind,
    authorType: m.authorType,
    authorId: m.authorId,
    authorName: m.authorName,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
  };
}

export function toEventRecord(e: TicketEventEntity): TicketEventRecord {
  return {
    id: e.id,
    ticketId: e.ticketId,
    kind: e.kind,
    actorType: e.actorType,
    actorId: e.actorId,
    actorName: e.actorName,
    before: e.before,
    after: e.after,
    at: e.at.toISOString(),
  };
}
