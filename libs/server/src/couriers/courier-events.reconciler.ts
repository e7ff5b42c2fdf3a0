import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '../core/queue/queue-names';
import { RedisResetWatcher } from '../core/queue/redis-reset.watcher';
import {
  APPLY_COURIER_EVENT,
  APPLY_COURIER_EVENT_OPTIONS,
  courierEventJobId,
  RECONCILE_COURIER_EVENTS,
  RECONCILE_COURIER_EVENTS_EVERY_MS,
} from './courier-events.job';

/**
 * Worker only: stored but unapplied events older than a minute are queued again (ids are
 * deterministic). After Redis lost its data the schedule is registered again and every unapplied
 * event is queued at once, without the minute's grace.
 */
@Injectable()
export class CourierEventsReconciler implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.CourierEvents) private readonly queue: Queue,
    resets: RedisResetWatcher,
  ) {
    resets.onReset('courier-events', async () => {
      await this.schedule();
      return this.requeueUnapplied(0);
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.schedule();
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RECONCILE_COURIER_EVENTS,
      { every: RECONCILE_COURIER_EVENTS_EVERY_MS },
      { name: RECONCILE_COURIER_EVENTS, data: {} },
    );
  }

  async requeueUnapplied(graceMs = 60_000, limit = 10_000): Promise<{ requeued: number }> {
    const rows = (await this.db.query(
      `SELECT id FROM courier_events WHERE applied_at IS NULL AND received_at < now() - ($1::int * interval '1 millisecond') ORDER BY id LIMIT $2`,
      [graceMs, limit],
    )) as { id: string }[];
    if (rows.length === 0) return { requeued: 0 };
    // A job that still exists keeps its id, so adding it again is a no-op; a lost one is re-created.
    await this.queue.addBulk(
      rows.map((r) => ({
        name: APPLY_COURIER_EVENT,
        data: { courierEventId: String(r.id) },
        opts: { ...APPLY_COURIER_EVENT_OPTIONS, jobId: courierEventJobId(String(r.id)) },
      })),
    );
    return { requeued: rows.length };
  }
}
