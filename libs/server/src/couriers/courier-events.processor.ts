import { Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import type { Job } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import {
  APPLY_COURIER_EVENT,
  APPLY_COURIER_EVENTS,
  APPLY_COURIER_EVENTS_MAX,
  RECONCILE_COURIER_EVENTS,
  type ApplyCourierEventPayload,
  type ApplyCourierEventsPayload,
} from './courier-events.job';
import { CourierEventsService } from './courier-events.service';
import { CourierEventsReconciler } from './courier-events.reconciler';

/** Worker only: parses the job and calls the service; errors propagate so BullMQ retries. */
@Processor(QueueName.CourierEvents, { concurrency: 8 })
export class CourierEventsProcessor extends TracedWorkerHost {
  constructor(
    private readonly events: CourierEventsService,
    private readonly reconciler: CourierEventsReconciler,
  ) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case APPLY_COURIER_EVENT: {
        const { courierEventId } = job.data as ApplyCourierEventPayload;
        if (typeof courierEventId !== 'string' || !/^\d+$/.test(courierEventId)) throw new Error(`Bad payload in ${job.id}`);
        return this.events.apply(courierEventId);
      }
      case APPLY_COURIER_EVENTS: {
        const { courierEventIds } = job.data as ApplyCourierEventsPayload;
        if (
          !Array.isArray(courierEventIds) ||
          courierEventIds.length === 0 ||
          courierEventIds.length > APPLY_COURIER_EVENTS_MAX ||
          !courierEventIds.every((id) => typeof id === 'string' && /^\d+$/.test(id))
        ) {
          throw new Error(`Bad payload in ${job.id}`);
        }
        const outcomes = await this.events.applyMany(courierEventIds);
        const counts: Record<string, number> = {};
        for (const o of outcomes.values()) counts[o] = (counts[o] ?? 0) + 1;
        return counts;
      }
      case RECONCILE_COURIER_EVENTS:
        return this.reconciler.requeueUnapplied();
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.CourierEvents}`);
    }
  }
}
