// Worker only: notices that Redis lost its data (FLUSHALL, a restart without persistence, a
// failover to an empty replica) and lets each capability rebuild what it keeps in Redis from
// PostgreSQL: repeatable schedules, SLA timers, jobs the outbox had already handed over.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from './queue.module';

/** How often the marker is checked; a reconnect ('ready') checks at once. */
export const REDIS_RESET_CHECK_MS = 2_000;

/** The marker: written when missing, never expires; its value names the current "epoch" of the data. */
export const redisEpochKey = (queuePrefix: string) => `${queuePrefix}:redis-epoch`;

interface ResetHandler {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * A marker key lives in Redis beside the queues. When it is missing, or its value changed since
 * this process last saw it (another worker found it missing first and wrote a new one), Redis was
 * emptied: every registered handler runs. Handlers must be idempotent — every worker process runs
 * them, and a failed one is retried on the next check until it succeeds.
 *
 * At start-up a missing marker means the first start ever, or data lost while no worker ran; the
 * handlers run then too (they find little or nothing to do on a first start).
 */
@Injectable()
export class RedisResetWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisResetWatcher.name);
  private readonly handlers: ResetHandler[] = [];
  /** Handlers still to run (or to retry) for the last reset seen. */
  private readonly pending = new Set<ResetHandler>();
  private readonly key: string;
  private epoch: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<boolean> | null = null;
  private stopped = false;
  private readonly onReady = () => void this.check();
  /** Resets seen by this process (for logs and tests). */
  resets = 0;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = redisEpochKey(config.queuePrefix);
  }

  /** Registers what to rebuild after Redis lost its data; call from a constructor or onModuleInit. */
  onReset(name: string, run: () => Promise<unknown>): void {
    this.handlers.push({ name, run });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(() => void this.check(), REDIS_RESET_CHECK_MS).unref();
    // Not awaited: a worker starting while Redis is away must still start (the checks retry).
    void this.check();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.redis.off('ready', this.onReady);
    await this.checking;
  }

  /** One check (concurrent callers share it); resolves true when a reset was found now. */
  check(): Promise<boolean> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkOnce(): Promise<boolean> {
    if (this.stopped) return false;
    let found = false;
    try {
      const candidate = randomUUID();
      const written = (await this.redis.set(this.key, candidate, 'NX')) === 'OK';
      const current = written ? candidate : await this.redis.get(this.key);
      if (current === null) return false; // emptied between the two commands: the next check writes it
      if (written || (this.epoch !== null && current !== this.epoch)) {
        found = true;
        this.resets++;
        for (const h of this.handlers) this.pending.add(h);
        this.logger.warn(
          `Redis ${this.epoch === null ? 'had no epoch marker at start-up' : 'lost its data'}: rebuilding ${this.handlers.map((h) => h.name).join(', ')}`,
        );
      }
      this.epoch = current;
    } catch (err) {
      // Redis away: nothing to decide until it answers again ('ready' triggers the next check).
      this.logger.debug(`Redis epoch check failed: ${(err as Error).message}`);
      return false;
    }
    for (const h of [...this.pending]) {
      if (this.stopped) break;
      try {
        const result = await h.run();
        this.pending.delete(h);
        this.logger.log({ handler: h.name, result }, 'rebuilt after Redis reset');
      } catch (err) {
        this.logger.warn({ err, handler: h.name }, 'rebuild after Redis reset failed; retrying on the next check');
      }
    }
    return found;
  }
}
