import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '../queue/queue.module';
import { RedisResetWatcher } from '../queue/redis-reset.watcher';
import type { OutboxMessage } from './outbox';

const POLL_MS = 500;
const BATCH = 200;
/**
 * How far back a Redis reset re-dispatches: as long as the queues keep completed jobs (24 h), the
 * longest a handed-over job can still be waiting or retrying.
 */
export const REDISPATCH_WINDOW_MS = 24 * 3600_000;

/**
 * Worker only: moves committed outbox rows to their BullMQ queues. Rows are claimed with
 * FOR UPDATE SKIP LOCKED (several workers share the work) and marked dispatched in the same
 * transaction after the add; a crash between the two re-adds the same job id — harmless.
 * When Redis loses its data, rows already dispatched lost their jobs: `redispatchLost` adds them
 * again (their handlers skip work already done: a sent mail, an accepted reshipment).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly modules: ModuleRef,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    resets: RedisResetWatcher,
  ) {
    resets.onReset('outbox', () => this.redispatchLost());
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.relayOnce()
        .then((n) => (n === BATCH ? 0 : POLL_MS))
        .catch((err: unknown) => {
          this.logger.warn({ err }, 'outbox relay failed; retrying');
          return POLL_MS * 4;
        })
        .then((delay) => {
          if (!this.stopped) this.timer = setTimeout(tick, delay);
        });
    };
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One batch; returns how many rows were dispatched. */
  async relayOnce(): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT id, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      )) as { id: string; payload: OutboxMessage }[];
      if (rows.length === 0) return 0;
      await this.addJobs(rows.map((r) => r.payload));
      await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /**
   * Re-adds the job of every row dispatched within `windowMs` whose job Redis no longer holds
   * (waiting, delayed, active, completed or failed jobs all keep their key). Rows are not locked:
   * job ids are deterministic, so a concurrent relay or a second worker adds nothing twice.
   */
  async redispatchLost(windowMs = REDISPATCH_WINDOW_MS, batch = 1_000): Promise<{ checked: number; redispatched: number }> {
    let checked = 0;
    let redispatched = 0;
    let after = '0';
    for (;;) {
      const rows = (await this.db.query(
        `SELECT id, payload FROM outbox
          WHERE dispatched_at IS NOT NULL AND dispatched_at > now() - ($1::bigint * interval '1 millisecond') AND id > $2
          ORDER BY id LIMIT $3`,
        [windowMs, after, batch],
      )) as { id: string; payload: OutboxMessage }[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      checked += rows.length;
      const pipeline = this.redis.pipeline();
      for (const r of rows) pipeline.exists(this.queue(r.payload.queue).getBackend().toKey(r.payload.jobId));
      const exists = (await pipeline.exec()) ?? [];
      const lost = rows.filter((_, i) => exists[i]?.[1] !== 1).map((r) => r.payload);
      await this.addJobs(lost);
      redispatched += lost.length;
    }
    if (redispatched) this.logger.warn(`outbox: re-dispatched ${redispatched} of ${checked} recent messages whose jobs Redis lost`);
    return { checked, redispatched };
  }

  private async addJobs(msgs: OutboxMessage[]): Promise<void> {
    const byQueue = new Map<string, OutboxMessage[]>();
    for (const msg of msgs) byQueue.set(msg.queue, [...(byQueue.get(msg.queue) ?? []), msg]);
    for (const [name, list] of byQueue) {
      await this.queue(name).addBulk(list.map((msg) => ({ name: msg.jobName, data: msg.data, opts: { jobId: msg.jobId } })));
    }
  }

  private queue(name: string): Queue {
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }
}
