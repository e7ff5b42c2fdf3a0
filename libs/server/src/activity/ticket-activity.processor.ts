import { Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { PROJECT_TICKET_EVENT, RECONCILE_TICKET_ACTIVITY, type ProjectTicketEventPayload } from './ticket-activity.job';
import { TicketActivityPublisher } from './ticket-activity.publisher';
import { TicketActivityService } from './ticket-activity.service';

/** Runs in the worker process only. Parses the job and calls the service; errors propagate so BullMQ retries. */
@Processor(QueueName.TicketActivity)
export class TicketActivityProcessor extends TracedWorkerHost {
  private readonly logger = new Logger(TicketActivityProcessor.name);

  constructor(
    private readonly activity: TicketActivityService,
    private readonly publisher: TicketActivityPublisher,
  ) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case PROJECT_TICKET_EVENT: {
        const { eventId } = job.data as ProjectTicketEventPayload;
        if (typeof eventId !== 'string' || !/^\d+$/.test(eventId)) throw new Error(`Bad eventId in job ${job.id}`);
        return this.activity.project(eventId);
      }
      case RECONCILE_TICKET_ACTIVITY: {
        const ids = await this.activity.findUnprojected(60_000);
        if (ids.length) this.logger.warn(`Re-queueing ${ids.length} unprojected ticket events`);
        await this.publisher.publish(ids);
        return { requeued: ids.length };
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.TicketActivity}`);
    }
  }
}
