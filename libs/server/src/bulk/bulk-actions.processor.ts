import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import type { Job } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { RUN_BULK_ACTION, type RunBulkActionPayload } from './bulk-actions.job';
import { BulkActionsService } from './bulk-actions.service';

/** Worker only: parses the job and calls the service; progress goes to the job and the row. */
@Processor(QueueName.BulkActions, { concurrency: 2 })
export class BulkActionsProcessor extends TracedWorkerHost {
  constructor(private readonly bulk: BulkActionsService) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    if (job.name !== RUN_BULK_ACTION) throw new Error(`Unknown job ${job.name} on ${QueueName.BulkActions}`);
    const { bulkActionId } = job.data as RunBulkActionPayload;
    if (typeof bulkActionId !== 'string') throw new Error(`Bad payload in ${job.id}`);
    const status = await this.bulk.run(bulkActionId, (percent) => job.updateProgress(percent));
    return { done: status.done, failed: status.failed.length };
  }

  /** After the last attempt the row says so (the failed job stays in Redis for inspection). */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const { bulkActionId } = job.data as RunBulkActionPayload;
    if (typeof bulkActionId === 'string') await this.bulk.markFailed(bulkActionId);
  }
}
