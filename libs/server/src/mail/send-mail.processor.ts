import { Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import type { Job } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { MailDeliveryService } from './mail-delivery.service';
import { SEND_MAIL, SEND_MAIL_ATTEMPTS, type SendMailPayload } from './send-mail.job';

/**
 * Worker only: parses the job and calls the service, telling it whether BullMQ will retry after
 * this try. Errors propagate so BullMQ retries with exponential backoff; failed jobs are kept.
 */
@Processor(QueueName.Notifications, { concurrency: 4 })
export class SendMailProcessor extends TracedWorkerHost {
  constructor(private readonly delivery: MailDeliveryService) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    if (job.name !== SEND_MAIL) throw new Error(`Unknown job ${job.name} on ${QueueName.Notifications}`);
    const { messageId } = job.data as SendMailPayload;
    if (typeof messageId !== 'string') throw new Error(`Bad payload in ${job.id}`);
    // attemptsMade counts the tries that already failed; this is the last one when none is left.
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? SEND_MAIL_ATTEMPTS);
    return this.delivery.deliver(messageId, { finalAttempt });
  }
}
