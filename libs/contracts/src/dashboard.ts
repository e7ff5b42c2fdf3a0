// GET /dashboard/stats: the agent dashboard's charts, aggregated in SQL over KST days.
import type { TicketStatus, TicketType } from './tickets';

/** The widest date range the dashboard aggregates in one request. */
export const DASHBOARD_MAX_DAYS = 366;

export interface DashboardStats {
  /** Inclusive KST days (YYYY-MM-DD). */
  from: string;
  to: string;
  type: TicketType | null;
  /** `team` for leads/admins, `mine` (tickets assigned to the caller) for agents. */
  scope: 'team' | 'mine';
  /** One row per KST day in the range, zeros included. */
  daily: { day: string; opened: Record<TicketType, number>; resolved: Record<TicketType, number> }[];
  /** Unresolved tickets by current status (not limited by the date range). */
  backlog: { status: TicketStatus; count: number }[];
  /** SLA timers that ended in the range (fulfilled or breached), per target and KST week (Monday). */
  slaWeekly: { week: string; target: 'first_reply' | 'next_reply' | 'resolution'; fulfilled: number; breached: number; compliancePct: number }[];
  /** Medians in minutes over tickets opened (first reply) or resolved (resolution) in the range; null when none. */
  medians: { firstReplyMinutes: number | null; resolutionMinutes: number | null };
  reshipments: { inFlight: number; failed: number };
  /** Exception-like courier scans in the range, per courier code. */
  courierExceptions: { courierCode: string; count: number }[];
  /** Templates applied in the range. */
  templateUsage: { key: string; titleKo: string; titleEn: string; count: number }[];
}
