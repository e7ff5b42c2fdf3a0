import type { JobsOptions } from 'bullmq';

/** Apply one stored courier event to its shipment (and the tickets that wait on it). */
export const APPLY_COURIER_EVENT = 'apply-courier-event';
export interface ApplyCourierEventPayload {
  courierEventId: string;
}
export const courierEventJobId = (id: string) => `courier-event-${id}`;

/**
 * Apply the stored courier events of one intake batch (per shipment in occurred-at order). The API
 * queues one per stored batch; the id is that of the batch's first event, so it is unique.
 */
export const APPLY_COURIER_EVENTS = 'apply-courier-events';
export interface ApplyCourierEventsPayload {
  courierEventIds: string[];
  /** Request ids of the webhooks whose events these are (for tracing; the job runs under its own id). */
  requestIds?: string[];
}
export const courierEventsJobId = (firstId: string) => `courier-events-${firstId}`;
/** Events per batch job: a job is one transaction in the worker. */
export const APPLY_COURIER_EVENTS_MAX = 200;

/** Re-queue stored events that were never applied (lost enqueue, Redis flush). */
export const RECONCILE_COURIER_EVENTS = 'reconcile-courier-events';
export const RECONCILE_COURIER_EVENTS_EVERY_MS = 60_000;

export const APPLY_COURIER_EVENT_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 50_000 },
};
