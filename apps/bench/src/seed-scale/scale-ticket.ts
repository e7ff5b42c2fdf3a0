// One seeded ticket and everything that hangs off it (messages, events, shipment, SLA timers,
// scenario), built in memory from the ticket's number so re-runs are reproducible.
import { randomUUID } from 'node:crypto';
import {
  address, agentReply, COURIER_SHARES, customer, customerFollowUp, int, internalNote, openingMessage,
  orderItems, orderNumber, pick, prng, type Rng, SUBJECTS, waybill, weighted,
} from './korean-data';

type TicketType = 'missing_delivery' | 'refund' | 'cancellation';
type Status = 'new' | 'open' | 'pending_customer' | 'pending_courier' | 'pending_warehouse' | 'resolved' | 'closed';
const OPEN_STATUSES: Status[] = ['new', 'open', 'pending_customer', 'pending_courier', 'pending_warehouse'];

/** A real shop's backlog: most tickets closed long ago, ~5 % open, a few waiting on couriers. */
export const STATUS_SHARES: readonly (readonly [Status, number])[] = [
  ['closed', 85], ['resolved', 5], ['new', 1], ['open', 4], ['pending_customer', 1.5], ['pending_courier', 2.5], ['pending_warehouse', 1],
];
const TEMPLATES: Record<TicketType, readonly (readonly [string, number])[]> = {
  missing_delivery: [['missing_item', 80], ['lost_high_value', 20]],
  refund: [['refund_refused', 60], ['seller_unreachable', 40]],
  cancellation: [['micropayment_cancel', 100]],
};
/** Deadline offsets (hours after creation) per template, in the templates' declared order. */
const DEADLINE_HOURS: Record<string, Record<string, number>> = {
  missing_item: { courierCheckDue: 48, reshipDecisionDue: 120 },
  lost_high_value: { disputeOpensAt: 24 * 7, disputeWindowEndsAt: 24 * 30, processingEndsAt: 24 * 60 },
  refund_refused: { refundRequestDeadline: 24 * 7, appealAnswerDue: 24 * 14 },
  micropayment_cancel: { cancelWindowEndsAt: 24 * 5 },
  seller_unreachable: { sellerResponseDue: 72 },
};
const CHECKLISTS: Record<string, string[]> = {
  missing_item: ['compareItems', 'checkTracking', 'contactCourier', 'requestReshipment', 'refundIfNoReship', 'keepEvidence'],
  lost_high_value: ['confirmLoss', 'contactSeller', 'openDispute', 'collectEvidence', 'escalateClaims', 'insuranceClaim'],
  refund_refused: ['reviewRefusal', 'checkAppeal', 'checkTimeline', 'contactProvider', 'anticipateEscalation', 'decide'],
  micropayment_cancel: ['matchPayment', 'checkWindow', 'submitCancel', 'confirmNotice'],
  seller_unreachable: ['verifyPayment', 'ruleOutSystemError', 'contactSeller', 'assessFraud', 'explainExternalRoutes'],
};

export interface SeedContext {
  now: number;
  agents: { id: string; name: string }[];
  /** template key → id of its latest version */
  templateIds: Record<string, string>;
  /** SLA policies: key → id and per-priority targets in minutes */
  policies: Record<string, { id: string; targets: Record<string, Record<string, { minutes: number; business: boolean }>> }>;
}

export interface TicketRow {
  id: string; reference: string; type: TicketType; status: Status; priority: string; channel: string;
  subject: string; description: string; customerName: string; customerEmail: string; customerPhone: string;
  orderNumber: string; orderItems: string; orderAmount: number; paymentMethod: string; paidAt: string;
  courierCode: string | null; waybillNumber: string | null; expectedDeliveryDate: string | null;
  assigneeId: string | null; tags: string; createdAt: string; updatedAt: string; resolvedAt: string | null;
  closedAt: string | null; templateKey: string | null; nextDeadlineAt: string | null; slaDueAt: string | null;
  slaBreached: boolean;
}
export interface MessageRow { ticketId: string; kind: string; authorType: string; authorId: string | null; authorName: string; body: string; createdAt: string }
export interface EventRow { ticketId: string; ticketType: TicketType; kind: string; actorType: string; actorId: string | null; actorName: string; before: string | null; after: string | null; at: string }
export interface ShipmentRow { courierCode: string; waybill: string; status: string; rawStatus: string; lastEventAt: string; expectedDelivery: string | null; createdAt: string }
export interface SlaRow { ticketId: string; target: string; policyId: string; business: boolean; targetMinutes: number; state: string; startedAt: string; dueAt: string | null; pausedAt: string | null; breachedAt: string | null; fulfilledAt: string | null }
export interface ScenarioRow { ticketId: string; templateId: string; fieldValues: string; checklist: string; deadlines: string; appliedAt: string; appliedBy: string | null }

export interface SeededTicket {
  ticket: TicketRow; messages: MessageRow[]; events: EventRow[];
  shipment: ShipmentRow | null; sla: SlaRow[]; scenario: ScenarioRow | null;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const iso = (t: number) => new Date(t).toISOString();
/** Business minutes → wall-clock minutes, roughly (09–18 on weekdays is ~27 % of the week). */
const wallMinutes = (businessMinutes: number) => businessMinutes * 3.7;

let lastMs = 0;
let counter = 0;
/**
 * A time-ordered UUID (version 7: 48-bit Unix milliseconds, a 12-bit counter, random rest), increasing
 * within this process, as PostgreSQL 18's uuidv7() makes them. The seeder uses these for ticket and
 * message ids rather than random (version 4) ones: each seeded row then lands at the right-hand end of
 * the primary-key B-trees (tickets, ticket_messages, and ticket_sla / ticket_scenarios by ticket_id)
 * instead of on a random page. Past ~500,000 tickets those indexes outgrow shared_buffers and random
 * inserts turned every batch into random page reads and writes, halving the seeding rate.
 */
export function orderedUuid(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const t = lastMs.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}

export function buildTicket(n: number, ctx: SeedContext): SeededTicket {
  const r: Rng = prng(n * 2_654_435_761);
  const id = orderedUuid();
  const reference = `SD-${String(n).padStart(6, '0')}`;
  const type = weighted<TicketType>(r, [['missing_delivery', 45], ['refund', 35], ['cancellation', 20]]);
  const status = weighted(r, STATUS_SHARES);
  const open = OPEN_STATUSES.includes(status);
  // Open work is recent; resolved tickets from the last three weeks; closed ones over two years, denser lately.
  const ageMs = open ? r() * 14 * DAY : status === 'resolved' ? r() * 21 * DAY : DAY + Math.pow(r(), 1.6) * 729 * DAY;
  const created = ctx.now - ageMs;
  const templateKey = r() < 0.4 ? weighted(r, TEMPLATES[type]) : null;
  const highValue = templateKey === 'lost_high_value';
  const priority = highValue ? 'high' : weighted(r, [['low', 10], ['normal', 65], ['high', 20], ['urgent', 5]]);
  const channel = weighted(r, [['form', 55], ['email', 20], ['phone', 10], ['agent', 10], ['courier', 5]]);
  const c = customer(r, n);
  const paidAt = created - int(r, 1, 10) * DAY - int(r, 0, 600) * MIN;
  const order = orderNumber(r, new Date(paidAt));
  const items = orderItems(r, highValue);
  const amount = items.reduce((s, i) => s + i.qty * i.price, 0);
  const paymentMethod = templateKey === 'micropayment_cancel' ? 'mobile_carrier'
    : weighted(r, [['card', 55], ['kakaopay', 25], ['mobile_carrier', 10], ['bank_transfer', 10]]);
  const shipped = type === 'missing_delivery' || (type === 'refund' && r() < 0.4);
  const courier = shipped ? weighted(r, COURIER_SHARES) : null;
  const wb = courier ? waybill(r, courier, n) : null;
  const expected = shipped ? new Date(paidAt + 2 * DAY + 9 * HOUR).toISOString().slice(0, 10) : null;
  const agent = status === 'new' || (open && r() < 0.3) ? null : pick(r, ctx.agents);
  const subject = pick(r, SUBJECTS[type]);
  const addr = address(r);
  const description = openingMessage(r, type, order, addr);
  const tags = [...(highValue ? ['high_value'] : []), ...(r() < 0.1 ? ['재문의'] : []), ...(r() < 0.05 ? ['vip'] : [])];

  // The conversation: the customer opens with the description (scale-seeder.ts relies on that), an agent answers, then ≈1 more exchange on average.
  const messages: MessageRow[] = [{ ticketId: id, kind: 'customer_message', authorType: 'customer', authorId: null, authorName: c.name, body: description, createdAt: iso(created) }];
  const replier = agent ?? pick(r, ctx.agents);
  const extra = status === 'new' ? 0 : weighted(r, [[1, 35], [2, 30], [3, 25], [4, 10]]);
  let t = created;
  for (let k = 0; k < extra; k++) {
    t += int(r, 10, open ? 600 : 2000) * MIN;
    if (k % 2 === 0) {
      messages.push({ ticketId: id, kind: 'public_reply', authorType: 'agent', authorId: replier.id, authorName: replier.name, body: agentReply(r, c.name), createdAt: iso(t) });
    } else if (r() < 0.25) {
      messages.push({ ticketId: id, kind: 'internal_note', authorType: 'agent', authorId: replier.id, authorName: replier.name, body: internalNote(r), createdAt: iso(t) });
    } else {
      messages.push({ ticketId: id, kind: 'customer_message', authorType: 'customer', authorId: null, authorName: c.name, body: customerFollowUp(r), createdAt: iso(t) });
    }
  }
  const firstReply = messages.find((m) => m.kind === 'public_reply');
  const resolvedAt = status === 'resolved' || status === 'closed' ? Math.min(ctx.now - MIN, t + int(r, 30, 3 * 24 * 60) * MIN) : null;
  const closedAt = status === 'closed' && resolvedAt ? Math.min(ctx.now - MIN, resolvedAt + 7 * DAY) : null;

  // Timeline: created, assignment, scenario, each status step, agent replies.
  type Actor = { actorType: string; actorId: string | null; actorName: string };
  const system: Actor = { actorType: 'system', actorId: null, actorName: 'system' };
  const agentActor: Actor = { actorType: 'agent', actorId: replier.id, actorName: replier.name };
  const ev = (kind: string, at: number, before: unknown, after: unknown, actor: Actor = agentActor): EventRow => ({
    ticketId: id, ticketType: type, kind, ...actor, before: before === null ? null : JSON.stringify(before), after: JSON.stringify(after), at: iso(at),
  });
  const events: EventRow[] = [
    ev('created', created, null, { reference, type, status: 'new', priority, channel, subject }, channel === 'form' ? { actorType: 'customer', actorId: null, actorName: c.name } : agentActor),
  ];
  if (agent) events.push(ev('assigned', created + MIN, { assigneeId: null }, { assigneeId: agent.id, assigneeName: agent.name }));
  if (templateKey) events.push(ev('scenario_applied', created + 2 * MIN, null, { templateKey, version: 1 }));
  const steps: Status[] = status === 'new' ? [] : ['open'];
  if (open && status !== 'open' && status !== 'new') steps.push(status);
  if (!open) steps.push('resolved');
  if (status === 'closed') steps.push('closed');
  let prev: Status = 'new';
  steps.forEach((s, k) => {
    const at = s === 'resolved' ? resolvedAt! : s === 'closed' ? closedAt! : (firstReply ? Date.parse(firstReply.createdAt) : created + 5 * MIN) + k * MIN;
    events.push(ev('status_changed', at, { status: prev }, { status: s }, s === 'closed' ? system : agentActor));
    prev = s;
  });
  for (const m of messages) if (m.authorType === 'agent') events.push(ev('message_added', Date.parse(m.createdAt), null, { kind: m.kind }));

  // Shipment scans for the waybill; tickets waiting on the courier have a parcel still moving (or stuck).
  const shipStatus = !courier ? null
    : status === 'pending_courier' ? weighted(r, [['in_transit', 60], ['exception', 25], ['attempt_failed', 15]])
    : type === 'missing_delivery' ? weighted(r, [['delivered', 55], ['lost', 20], ['in_transit', 10], ['returned_to_sender', 5], ['exception', 10]])
    : weighted(r, [['delivered', 90], ['returned_to_sender', 10]]);
  const shipment: ShipmentRow | null = courier && wb && shipStatus
    ? { courierCode: courier, waybill: wb, status: shipStatus, rawStatus: shipStatus, lastEventAt: iso(Math.min(ctx.now - MIN, paidAt + int(r, 1, 6) * DAY)), expectedDelivery: expected, createdAt: iso(paidAt + DAY) }
    : null;

  // SLA timers for open work and the last ~4 months of history.
  const sla: SlaRow[] = [];
  let slaDueAt: number | null = null;
  let slaBreached = false;
  if (open || ageMs < 120 * DAY) {
    const policy = highValue ? ctx.policies.highValue : ctx.policies.standard;
    const paused = status === 'pending_customer' || status === 'pending_courier';
    for (const target of ['first_reply', 'resolution'] as const) {
      const goal = policy.targets[priority][target];
      const due = created + wallMinutes(goal.minutes) * MIN;
      const doneAt = target === 'first_reply' ? (firstReply ? Date.parse(firstReply.createdAt) : null) : resolvedAt;
      const breached = doneAt ? doneAt > due : !paused && due < ctx.now;
      const state = doneAt ? 'fulfilled' : paused ? 'paused' : breached ? 'breached' : 'active';
      sla.push({
        ticketId: id, target, policyId: policy.id, business: goal.business, targetMinutes: goal.minutes, state,
        startedAt: iso(created), dueAt: iso(due), pausedAt: paused && !doneAt ? iso(ctx.now - int(r, 1, 48) * HOUR) : null,
        breachedAt: breached ? iso(due) : null, fulfilledAt: doneAt ? iso(doneAt) : null,
      });
      if (state === 'active' || state === 'breached') slaDueAt = slaDueAt === null ? due : Math.min(slaDueAt, due);
      if (breached) slaBreached = true;
    }
  }

  // Scenario: template fields pre-filled from the order, checklist worked through, KST deadlines.
  let scenario: ScenarioRow | null = null;
  let nextDeadlineAt: number | null = null;
  if (templateKey) {
    const steps = CHECKLISTS[templateKey];
    const doneSteps = open ? int(r, 0, steps.length - 1) : steps.length;
    const checklist = Object.fromEntries(steps.slice(0, doneSteps).map((s, k) => [s, { done: true, by: replier.id, byName: replier.name, at: iso(created + (k + 1) * 30 * MIN) }]));
    const deadlines = Object.entries(DEADLINE_HOURS[templateKey]).map(([dl, hours]) => ({ id: dl, dueAt: iso(created + hours * HOUR), warnAt: iso(created + hours * HOUR - 12 * HOUR) }));
    if (open) {
      const future = deadlines.map((d) => Date.parse(d.dueAt)).filter((d) => d > ctx.now - 2 * DAY);
      nextDeadlineAt = future.length ? Math.min(...future) : null;
    }
    scenario = {
      ticketId: id, templateId: ctx.templateIds[templateKey],
      fieldValues: JSON.stringify({ orderNumber: order, ...(wb ? { courierCode: courier, waybillNumber: wb, trackingNumber: wb } : {}), amount, paidAt: iso(paidAt) }),
      checklist: JSON.stringify(checklist), deadlines: JSON.stringify(deadlines), appliedAt: iso(created + 2 * MIN), appliedBy: replier.id,
    };
  }

  const last = Math.max(...messages.map((m) => Date.parse(m.createdAt)), resolvedAt ?? 0, closedAt ?? 0);
  return {
    ticket: {
      id, reference, type, status, priority, channel, subject, description,
      customerName: c.name, customerEmail: c.email, customerPhone: c.phone,
      orderNumber: order, orderItems: JSON.stringify(items), orderAmount: amount, paymentMethod, paidAt: iso(paidAt),
      courierCode: courier, waybillNumber: wb, expectedDeliveryDate: expected, assigneeId: agent?.id ?? null,
      tags: `{${tags.join(',')}}`, createdAt: iso(created), updatedAt: iso(last), resolvedAt: resolvedAt ? iso(resolvedAt) : null,
      closedAt: closedAt ? iso(closedAt) : null, templateKey, nextDeadlineAt: nextDeadlineAt ? iso(nextDeadlineAt) : null,
      slaDueAt: slaDueAt ? iso(slaDueAt) : null, slaBreached,
    },
    messages, events, shipment, sla, scenario,
  };
}
