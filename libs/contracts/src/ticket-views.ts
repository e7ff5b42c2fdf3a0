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
  // Most urgent first: the order of the view's own index (tickets_sla_soon_idx), so the first page is
  // read straight off it however many tickets the table holds.
  { id: 'sla_soon', filter: { slaDueWithinMinutes: VIEW_SLA_SOON_MINUTES, slaBreached: false }, sort: { field: 'slaDueAt', order: 'ASC' } },
  { id: 'sla_breached', filter: { slaBreached: true } },
  { id: 'pending_courier', filter: { status: 'pending_courier' } },
  // Soonest (or most overdue) deadline first, read straight off tickets_next_deadline_idx.
  { id: 'due_soon', filter: { deadlineWithinHours: VIEW_DUE_SOON_HOURS }, sort: { field: 'nextDeadlineAt', order: 'ASC' } },
  { id: 'all', filter: {} },
] as const satisfies ReadonlyArray<TicketViewDef>;

/** A built-in view: its filter and, where the view has a natural order of its own, its sort (else the list's default). */
export interface TicketViewDef {
  id: string;
  filter: Readonly<Record<string, unknown>>;
  sort?: { readonly field: 'slaDueAt' | 'nextDeadlineAt'; readonly order: 'ASC' | 'DESC' };
}

export type TicketViewId = (typeof TICKET_VIEWS)[number]['id'];

/** The list query a view's tab sends (react-admin's `filter`, `range`, `sort`): its first page by default. */
export function viewQueryParams(view: TicketViewDef, range = '[0,24]'): Record<string, string> {
  return { filter: JSON.stringify(view.filter), range, ...(view.sort ? { sort: JSON.stringify([view.sort.field, view.sort.order]) } : {}) };
}
