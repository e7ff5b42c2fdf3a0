import {
  PAYMENT_METHODS,
  PENDING_STATUSES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@shopdesk/contracts/tickets';
import { TICKET_VIEWS, VIEW_DUE_SOON_HOURS, type TicketViewDef } from '@shopdesk/contracts/ticket-views';

// Choices for react-admin inputs: `name` is a translation key, which inputs translate.

const toChoices = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `shopdesk.ticket.${prefix}.${id}` }));

export const typeChoices = toChoices(TICKET_TYPES, 'type');
export const statusChoices = toChoices(TICKET_STATUSES, 'status');
export const priorityChoices = toChoices(TICKET_PRIORITIES, 'priority');
export const paymentMethodChoices = toChoices(PAYMENT_METHODS, 'payment_method');
export const channelChoices = toChoices(TICKET_CHANNELS, 'channel');
/** Channels an agent can record by hand; `form` and `courier` tickets arrive on their own. */
export const agentChannelChoices = toChoices(
  TICKET_CHANNELS.filter((channel) => channel === 'agent' || channel === 'email' || channel === 'phone'),
  'channel',
);

/** "마감 임박": a template deadline within this many hours (or already passed). */
export const DUE_SOON_HOURS = VIEW_DUE_SOON_HOURS;

/**
 * The list's tabs: first the built-in views (TICKET_VIEWS, each backed by an index — 내 티켓, 미배정,
 * 곧 SLA 위반, SLA 위반, 택배사 대기, 마감 임박, 전체), then the status tabs ("waiting" groups the three
 * pending statuses as one array filter).
 */
export const STATUS_TABS: ReadonlyArray<TicketViewDef> = [
  ...TICKET_VIEWS,
  { id: 'new', filter: { status: 'new' } },
  { id: 'open', filter: { status: 'open' } },
  { id: 'pending', filter: { status: PENDING_STATUSES } },
  { id: 'resolved', filter: { status: 'resolved' } },
  { id: 'closed', filter: { status: 'closed' } },
];

/** The filters a tab owns: choosing a tab replaces all of them and keeps every other filter. */
export const TAB_FILTER_KEYS = [
  'status',
  'deadlineWithinHours',
  'slaDueWithinMinutes',
  'slaBreached',
  'mine',
  'unassigned',
] as const;

export const deadlineWithinChoices = [24, 48, 72, 168].map((hours) => ({
  id: hours,
  name: `shopdesk.ticket.deadline_within.h${hours}`,
}));

export const slaWithinChoices = [30, 60, 120, 240].map((minutes) => ({
  id: minutes,
  name: `shopdesk.ticket.sla_within.m${minutes}`,
}));
