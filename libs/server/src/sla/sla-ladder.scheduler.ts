import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { RECONCILE_SLA, RECONCILE_SLA_EVERY_MS } from './sla-ladder.job';

/** Worker only: reconcile once at start (Redis may have been flushed) and then every minute. */
@Injectable()
export class SlaLadderScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.SlaLadder) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(RECONCILE_SLA, { every: RECONCILE_SLA_EVERY_MS }, { name: RECONCILE_SLA, data: {} });
    await this.queue.add(RECONCILE_SLA, {}, { jobId: `reconcile-sla-boot-${Date.now()}`, removeOnComplete: true });
  }
}
