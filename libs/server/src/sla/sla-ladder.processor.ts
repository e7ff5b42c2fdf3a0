import { Processor } from '@nestjs/bullmq';
import { TracedWorkerHost } from '../core/queue/traced-worker-host';
import type { Job } from 'bullmq';
import { SLA_RUNGS, SLA_TARGETS } from '@shopdesk/contracts/sla';
import { QueueName } from '../core/queue/queue-names';
import { FIRE_SLA_RUNG, RECONCILE_SLA, REPLAN_SLA, type FireSlaRungPayload } from './sla-ladder.job';
import { SlaService } from './sla.service';

/** Worker only: parses the job and calls the service; errors propagate so BullMQ retries. */
@Processor(QueueName.SlaLadder, { concurrency: 16 })
export class SlaLadderProcessor extends TracedWorkerHost {
  constructor(private readonly sla: SlaService) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case FIRE_SLA_RUNG: {
        const d = job.data as FireSlaRungPayload;
        if (
          typeof d.ticketId !== 'string' ||
          !SLA_TARGETS.includes(d.target) ||
          !SLA_RUNGS.includes(d.rung) ||
          !Number.isInteger(d.planVersion) ||
          typeof d.fireAt !== 'number'
        ) {
          throw new Error(`Bad SLA job payload in ${job.id}`);
        }
        return this.sla.fireRung(d);
      }
      case RECONCILE_SLA:
        return this.sla.reconcile();
      case REPLAN_SLA:
        return this.sla.replanAll();
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.SlaLadder}`);
    }
  }
}
