import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queue-names';
import { REDIS_CLIENT } from '../queue/queue.module';
import { stalledCountersKey } from './stalled-counters';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;
const COLLECT_TIMEOUT_MS = 2_000;

/**
 * Prometheus metrics of one API process, on its own registry: HTTP latency per route, queue depth
 * per state, jobs found stalled (counted by the workers in Redis), SLA breaches (from PostgreSQL,
 * so every instance reports the same truth) and rejected webhooks.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);
  private readonly httpDuration = new Histogram({
    name: 'shopdesk_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly webhookRejects = new Counter({
    name: 'shopdesk_webhook_rejects_total',
    help: 'Webhooks refused (bad signature, unknown sender, malformed body) by source and status',
    labelNames: ['source', 'status'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly modules: ModuleRef,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'shopdesk_' });
    const service = this;
    new Gauge({
      name: 'shopdesk_queue_jobs',
      help: 'Jobs per BullMQ queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const name of Object.values(QueueName)) {
          const counts = await service.guarded(`queue ${name}`, () => service.queue(name).getJobCounts(...QUEUE_STATES));
          if (counts) for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'shopdesk_queue_stalled_jobs_total',
      help: 'Jobs BullMQ found stalled (their worker died or blocked) and moved back, per queue',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await service.guarded('stalled counters', () => service.redis.hgetall(stalledCountersKey(service.config.queuePrefix)));
        for (const name of Object.values(QueueName)) this.set({ queue: name }, Number(counts?.[name] ?? 0));
      },
    });
    new Gauge({
      name: 'shopdesk_sla_breaches_total',
      help: 'SLA timers that have breached, per target (first response, resolution)',
      labelNames: ['target'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await service.guarded('sla breaches', () =>
          service.db.query(`SELECT target::text AS target, count(*)::int AS n FROM ticket_sla WHERE breached_at IS NOT NULL GROUP BY target`),
        );
        for (const r of (rows ?? []) as { target: string; n: number }[]) this.set({ target: r.target }, r.n);
      },
    });
  }

  webhookRejected(source: string, status: number): void {
    this.webhookRejects.inc({ source, status: String(status) });
  }

  /** Express middleware timing every request under its route template (never the raw path). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.httpDuration.startTimer();
      res.once('finish', () => {
        end({ method: req.method, route: routeLabel(req), status: String(res.statusCode) });
      });
      next();
    };
  }

  private queue(name: QueueName): Queue {
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** A scrape still answers when Redis or PostgreSQL is away; the missing series are logged. */
  private async guarded<T>(what: string, probe: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), COLLECT_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      this.logger.warn({ err }, `metrics: ${what} unavailable`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The matched route template (`/tickets/:id`), a fixed name for static files, or `unmatched`. */
export function routeLabel(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  if (req.originalUrl.startsWith('/admin/queues')) return '/admin/queues/*';
  if (req.originalUrl.startsWith('/support')) return '/support/*';
  return 'unmatched';
}
