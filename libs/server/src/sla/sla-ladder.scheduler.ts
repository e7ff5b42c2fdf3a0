import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { RedisResetWatcher } from '../core/queue/redis-reset.watcher';
import { RECONCILE_SLA, RECONCILE_SLA_EVERY_MS } from './sla-ladder.job';

/**
 * Worker only: reconcile once at start (Redis may have been flushed) and then every minute. When
 * Redis loses its data while the worker runs, the schedule is gone with it: both are redone.
 */
@Injectable()
export class SlaLadderScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.SlaLadder) private readonly queue: Queue,
    resets: RedisResetWatcher,
  ) {
    resets.onReset('sla-ladder', () => this.schedule());
  }

  onApplicationBootstrap(): Promise<void> {
    return this.schedule();
  }

  /** The repeatable reconcile plus one run now, which re-creates every timer PostgreSQL holds. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(RECONCILE_SLA, { every: RECONCILE_SLA_EVERY_MS }, { name: RECONCILE_SLA, data: {} });
    await this.queue.add(RECONCILE_SLA, {}, { jobId: `reconcile-sla-now-${Date.now()}`, removeOnComplete: true });
  }
}
