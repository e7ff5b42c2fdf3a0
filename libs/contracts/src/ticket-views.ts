import { OPEN_STATUSES } from './tickets';

// The ticket list's built-in views: the admin shows them as tabs; every one is backed by an index
// (apps/api/test/views-explain.e2e-spec.ts proves it) and measured by `npm run bench -- views`.

/** "곧 SLA 위반": a running timer due within this many minutes. */
export const VIEW_SLA_SOON_MINUTES = 60;
/** "마감 임박": a template deadline within this many hours (or already passed). */
export const VIEW_DUE_SOON_HOURS = 48;

export const TICKET_VIEWS = [
  { id: 'mine', filter: { mine: true, status: [...OPEN_STATUSES] } },
  { id: 'unassigned', filter: { unassigned: true, status: [...OPEN_STATUSES] } },
  { id: 'sla_soon', filter: { slaDueWithinMinutes: VIEW_SLA_SOON_MINUTES, slaBreached: false } },
  { id: 'sla_breached', filter: { slaBreached: true } },
  { id: 'pending_courier', filter: { status: 'pending_courier' } },
  { id: 'due_soon', filter: { deadlineWithinHours: VIEW_DUE_SOON_HOURS } },
  { id: 'all', filter: {} },
] as const satisfies ReadonlyArray<{ id: string; filter: Readonly<Record<string, unknown>> }>;

export type TicketViewId = (typeof TICKET_VIEWS)[number]['id'];
