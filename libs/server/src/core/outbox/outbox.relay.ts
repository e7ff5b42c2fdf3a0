import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { OutboxMessage } from './outbox';

const POLL_MS = 500;
const BATCH = 200;

/**
 * Worker only: moves committed outbox rows to their BullMQ queues. Rows are claimed with
 * FOR UPDATE SKIP LOCKED (several workers share the work) and marked dispatched in the same
 * transaction after the add; a crash between the two re-adds the same job id — harmless.
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
  ) {}

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
      const byQueue = new Map<string, OutboxMessage[]>();
      for (const r of rows) byQueue.set(r.payload.queue, [...(byQueue.get(r.payload.queue) ?? []), r.payload]);
      for (const [name, msgs] of byQueue) {
        const queue = this.modules.get<Queue>(getQueueToken(name), { strict: false });
        await queue.addBulk(msgs.map((msg) => ({ name: msg.jobName, data: msg.data, opts: { jobId: msg.jobId } })));
      }
      await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
