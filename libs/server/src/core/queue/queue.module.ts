import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from './redis-options';

/** A plain Redis client for health checks and small commands (not for BullMQ workers). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Connection settings per BullMQ's production guide: a worker process keeps retrying while Redis
 * is away (maxRetriesPerRequest: null, offline queue on) so it resumes by itself; a producer
 * (API, CLI) fails fast instead of hanging a request — its writes are already in PostgreSQL and
 * the reconcilers re-queue what did not reach Redis.
 */
export type QueueRole = 'producer' | 'worker';

@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  static forRoot(role: QueueRole): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: {
              ...redisOptionsFromUrl(config.redisUrl),
              ...(role === 'worker'
                ? { maxRetriesPerRequest: null, enableOfflineQueue: true }
                : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 }),
            },
            prefix: config.queuePrefix,
            defaultJobOptions: {
              attempts: 5,
              backoff: { type: 'exponential', delay: 2_000 },
              removeOnComplete: { age: 24 * 3600, count: 10_000 },
              // Failed jobs stay for inspection.
              removeOnFail: false,
            },
          }),
        }),
      ],
      providers: [
        {
          provide: REDIS_CLIENT,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            new IORedis({ ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false }),
        },
      ],
      exports: [BullModule, REDIS_CLIENT],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
