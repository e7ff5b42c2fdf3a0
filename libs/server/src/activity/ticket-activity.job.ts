import type { JobsOptions } from 'bullmq';

/** Project one ticket event into the daily statistics. */
export const PROJECT_TICKET_EVENT = 'project-ticket-event';
export interface ProjectTicketEventPayload {
  eventId: string;
}
/** Deterministic id: enqueueing the same event twice is harmless. */
export const projectTicketEventJobId = (eventId: string) => `ticket-event-${eventId}`;

/** Find events that never reached the queue (Redis was down, process crashed) and project them. */
export const RECONCILE_TICKET_ACTIVITY = 'reconcile-ticket-activity';
export const RECONCILE_EVERY_MS = 5 * 60_000;

export const PROJECT_TICKET_EVENT_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
};
