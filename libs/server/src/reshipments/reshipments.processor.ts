import { Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import type { Job } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { SEND_RESHIPMENT, type SendReshipmentPayload } from './reshipments.job';
import { ReshipmentsService } from './reshipments.service';

/**
 * Worker only: parses the job and calls the service; timeouts/5xx throw so BullMQ retries with backoff.
 * A short lock (renewed while a call runs) lets another worker pick up a crashed worker's jobs within
 * seconds; the Idempotency-Key makes that second call harmless.
 */
@Processor(QueueName.Reshipments, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000 })
export class ReshipmentsProcessor extends TracedWorkerHost {
  constructor(private readonly reshipments: ReshipmentsService) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    if (job.name !== SEND_RESHIPMENT) throw new Error(`Unknown job ${job.name} on ${QueueName.Reshipments}`);
    const { reshipmentId } = job.data as SendReshipmentPayload;
    if (typeof reshipmentId !== 'string') throw new Error(`Bad payload in ${job.id}`);
    return this.reshipments.send(reshipmentId);
  }
}
