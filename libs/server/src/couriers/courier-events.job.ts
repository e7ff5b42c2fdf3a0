import type { JobsOptions } from 'bullmq';

/** Apply one stored courier event to its shipment (and the tickets that wait on it). */
export const APPLY_COURIER_EVENT = 'apply-courier-event';
export interface ApplyCourierEventPayload {
  courierEventId: string;
}
export const courierEventJobId = (id: string) => `courier-event-${id}`;

/** Re-queue stored events that were never applied (lost enqueue, Redis flush). */
export const RECONCILE_COURIER_EVENTS = 'reconcile-courier-events';
export const RECONCILE_COURIER_EVENTS_EVERY_MS = 60_000;

export const APPLY_COURIER_EVENT_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 50_000 },
};
