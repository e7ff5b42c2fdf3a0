import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../core/queue/queue-names';
import { RedisResetWatcher } from '../core/queue/redis-reset.watcher';
import { RECONCILE_EVERY_MS, RECONCILE_TICKET_ACTIVITY } from './ticket-activity.job';

/**
 * Worker-only: keeps the reconciler on a fixed schedule (upsert, so restarts don't duplicate it),
 * registered again when Redis loses its data.
 */
@Injectable()
export class TicketActivityScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.TicketActivity) private readonly queue: Queue,
    resets: RedisResetWatcher,
  ) {
    resets.onReset('ticket-activity', () => this.schedule());
  }

  onApplicationBootstrap(): Promise<void> {
    return this.schedule();
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RECONCILE_TICKET_ACTIVITY,
      { every: RECONCILE_EVERY_MS },
      { name: RECONCILE_TICKET_ACTIVITY, data: {} },
    );
  }
}
