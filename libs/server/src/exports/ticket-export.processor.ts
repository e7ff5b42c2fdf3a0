import { Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import type { Job } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { EXPORT_TICKETS, type ExportTicketsPayload } from './ticket-export.job';
import { TicketExportService } from './ticket-export.service';

/** Worker only: one export at a time per worker (each holds a database connection for its cursor). */
@Processor(QueueName.Exports, { concurrency: 1 })
export class TicketExportProcessor extends TracedWorkerHost {
  constructor(private readonly exports: TicketExportService) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    if (job.name !== EXPORT_TICKETS) throw new Error(`Unknown job ${job.name} on ${QueueName.Exports}`);
    const data = job.data as ExportTicketsPayload;
    if (typeof data.exportId !== 'string' || typeof data.requestedBy !== 'string') throw new Error(`Bad payload in ${job.id}`);
    return this.exports.runJob(job as Job<ExportTicketsPayload>);
  }
}
