// Ticket vocabulary shared by the API, the worker and both UIs.

export const TICKET_TYPES = ['missing_delivery', 'refund', 'cancellation'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = [
  'new',
  'open',
  'pending_customer',
  'pending_courier',
  'pending_warehouse',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Declared low → urgent; the PostgreSQL enum keeps this order so sorting by priority is meaningful. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['form', 'agent', 'email', 'phone', 'courier'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const PAYMENT_METHODS = ['card', 'kakaopay', 'mobile_carrier', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const MESSAGE_KINDS = ['public_reply', 'internal_note', 'customer_message'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const PENDING_STATUSES: readonly TicketStatus[] = ['pending_customer', 'pending_courier', 'pending_warehouse'];
/** Work not yet resolved: the "내 티켓" and "미배정" views list these. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'open', ...PENDING_STATUSES];

/**
 * The ticket lifecycle. Work happens in `open` and the pending states; `resolved` can be
 * reopened until it is `closed`, which is final.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending_customer', 'pending_courier', 'pending_warehouse', 'resolved'],
  open: ['pending_customer', 'pending_courier', 'pending_warehouse', 'resolved'],
  pending_customer: ['open', 'pending_courier', 'pending_warehouse', 'resolved'],
  pending_courier: ['open', 'pending_customer', 'pending_warehouse', 'resolved'],
  pending_warehouse: ['open', 'pending_customer', 'pending_courier', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

export const TICKET_EVENT_KINDS = [
  'created',
  'status_changed',
  'priority_changed',
  'assigned',
  'tags_changed',
  'details_changed',
  'message_added',
  'scenario_applied',
  'scenario_fields_changed',
  'checklist_changed',
  'resolution_recorded',
  'automation_pending',
  'sla_warning',
  'sla_breached',
  'sla_escalated',
  'sla_priority_raised',
  'courier_update',
  'reshipment_requested',
  'reshipment_updated',
  'merged',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export interface OrderItem {
  sku: string;
  name?: string;
  qty: number;
  /** Unit price in KRW (whole won). */
  price: number;
}

export interface CustomerFacts {
  name: string;
  email?: string | null;
  phone?: string | null;
  /** Language for mails and the status page (default ko). */
  locale?: 'ko' | 'en';
}

export interface OrderFacts {
  number?: string | null;
  items?: OrderItem[];
  /** Total in KRW (whole won). */
  amount?: number | null;
  currency?: 'KRW';
  paymentMethod?: PaymentMethod | null;
  paidAt?: string | null;
}

export interface ShipmentFacts {
  courierCode?: string | null;
  waybillNumber?: string | null;
  /** ISO date (YYYY-MM-DD). */
  expectedDeliveryDate?: string | null;
}

/** The input shape for creating a ticket (agent console, demo seed, later the public form). */
export interface CreateTicketInput {
  type: TicketType;
  subject: string;
  description?: string;
  priority?: TicketPriority;
  channel?: TicketChannel;
  tags?: string[];
  customer: CustomerFacts;
  order?: OrderFacts;
  shipment?: ShipmentFacts;
}

/** What the API returns for a ticket (react-admin record). */
export interface TicketRecord {
  id: string;
  reference: string;
  type: TicketType;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  subject: string;
  description: string | null;
  customer: { name: string; email: string | null; phone: string | null; locale: 'ko' | 'en' };
  order: {
    number: string | null;
    items: OrderItem[];
    amount: number | null;
    currency: 'KRW';
    paymentMethod: PaymentMethod | null;
    paidAt: string | null;
  };
  shipment: { courierCode: string | null; waybillNumber: string | null; expectedDeliveryDate: string | null };
  assigneeId: string | null;
  assigneeName: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** Key of the applied scenario template, if any. */
  templateKey: string | null;
  /** Earliest template deadline not yet passed when the scenario was last changed. */
  nextDeadlineAt: string | null;
  /** Earliest due time of the ticket's running SLA timers. */
  slaDueAt: string | null;
  /** Some SLA target of this ticket was breached. */
  slaBreached: boolean;
  /** Set when this ticket was merged into another (it is then closed). */
  mergedIntoId: string | null;
  /** List only, when filtered by `q`: the best matching field, marked as in `./search` (SearchMatch). */
  searchMatch?: { field: string; snippet: string };
}

export interface TicketMessageRecord {
  id: string;
  ticketId: string;
  kind: MessageKind;
  authorType: 'agent' | 'customer' | 'system';
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface TicketEventRecord {
  id: string;
  ticketId: string;
  kind: TicketEventKind;
  actorType: 'agent' | 'customer' | 'system';
  actorId: string | null;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

/** Sort and filter fields the ticket list accepts; anything else is rejected with 400. */
/** `relevance`: search rank when filtered by `q` (exact reference/order number first), else newest first. */
export const TICKET_SORT_FIELDS = ['relevance', 'reference', 'createdAt', 'updatedAt', 'priority', 'status', 'type', 'slaDueAt', 'nextDeadlineAt'] as const;
export const TICKET_FILTER_FIELDS = [
  'q',
  'id',
  'status',
  'type',
  'priority',
  'channel',
  'assigneeId',
  'tag',
  'createdAt_gte',
  'createdAt_lte',
  'templateKey',
  'deadlineWithinHours',
  'slaDueWithinMinutes',
  'slaBreached',
  'mine',
  'unassigned',
] as const;
