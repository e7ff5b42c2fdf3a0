import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import {
  PROJECT_TICKET_EVENT,
  PROJECT_TICKET_EVENT_OPTIONS,
  projectTicketEventJobId,
  type ProjectTicketEventPayload,
} from './ticket-activity.job';
import { withRequestId } from '../core/request-context/request-context';

/**
 * Hands committed ticket events to the worker. Best effort by design: the event is already
 * durable in PostgreSQL, and the worker's reconciler picks up anything that did not get queued.
 */
@Injectable()
export class TicketActivityPublisher {
  private readonly logger = new Logger(TicketActivityPublisher.name);

  constructor(@InjectQueue(QueueName.TicketActivity) private readonly queue: Queue<ProjectTicketEventPayload>) {}

  async publish(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    try {
      await this.queue.addBulk(
        eventIds.map((eventId) => ({
          name: PROJECT_TICKET_EVENT,
          data: withRequestId({ eventId }),
          opts: { ...PROJECT_TICKET_EVENT_OPTIONS, jobId: projectTicketEventJobId(eventId) },
        })),
      );
    } catch (err) {
      this.logger.warn({ err, eventIds }, 'Could not enqueue ticket events; the reconciler will project them');
    }
  }
}
