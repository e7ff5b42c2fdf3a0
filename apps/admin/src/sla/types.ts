// Shapes of the SLA endpoints that contracts do not (yet) describe.

/** GET /sla/summary */
export interface SlaSummary {
  /** Targets breached since 00:00 KST today. */
  breachedToday: number;
  /** Tickets whose next SLA is due within the hour (not yet overdue). */
  atRisk: number;
  /** Breached tickets that are still open. */
  breachedOpen: number;
}

/** GET /notifications (newest first) and POST /notifications/:id/read */
export interface NotificationRecord {
  id: string;
  ticketId: string | null;
  ticketReference: string | null;
  kind: string;
  title: { ko: string; en: string };
  createdAt: string;
  readAt: string | null;
}

/** Minutes from 00:00 KST, [start, end), end ≤ 1440. */
export type Interval = [number, number];

/** GET /business-calendars(/:id) */
export interface BusinessCalendarRecord {
  id: string;
  key: string;
  name: { ko: string; en: string };
  /** Index 0 = Sunday … 6 = Saturday. */
  weekly: Interval[][];
  closedDays: string[];
  publicHolidays: boolean;
  upcomingHolidays: { date: string; names: string[] }[];
}
