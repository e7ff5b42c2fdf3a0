import { applyDecorators, Global, Inject, Logger, Module, type OnApplicationShutdown, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../queue/redis-options';

/** Named limits; a route opts into its own with `@Throttle`/`@SkipThrottle` and the ThrottlerGuard. */
export const THROTTLERS = {
  login: 'login',
  publicIntake: 'public-intake',
  publicRead: 'public-read',
} as const;

/**
 * Counters live in Redis, so a limit holds across every API instance. When Redis is unreachable
 * the limiter lets requests through (and logs) rather than turning an outage into 500s.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly inner: ThrottlerStorageRedisService;

  constructor(redis: IORedis) {
    this.inner = new ThrottlerStorageRedisService(redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (err) {
      this.logger.warn({ err, throttlerName }, 'Rate-limit store unavailable; request allowed');
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

}

export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/** The limiter's own Redis client (prefixed keys), closed with the application. */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new IORedis({
          ...redisOptionsFromUrl(config.redisUrl),
          keyPrefix: `${config.queuePrefix}:rate:`,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        }),
    },
  ],
  exports: [RATE_LIMIT_REDIS],
})
class RateLimitRedisModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: IORedis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

type ThrottlerName = (typeof THROTTLERS)[keyof typeof THROTTLERS];

/** Guards a route with one named limit only (the others are skipped). */
export function RateLimit(name: ThrottlerName): MethodDecorator & ClassDecorator {
  const skip = Object.fromEntries(Object.values(THROTTLERS).filter((n) => n !== name).map((n) => [n, true]));
  return applyDecorators(SkipThrottle(skip), UseGuards(ThrottlerGuard));
}

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitRedisModule],
      inject: [APP_CONFIG, RATE_LIMIT_REDIS],
      useFactory: (config: AppConfig, redis: IORedis) => ({
        throttlers: [
          { name: THROTTLERS.login, ttl: 60_000, limit: config.loginRateLimitPerMinute },
          { name: THROTTLERS.publicIntake, ttl: 3_600_000, limit: config.publicForm.perIpPerHour },
          { name: THROTTLERS.publicRead, ttl: 60_000, limit: config.publicForm.readsPerMinute },
        ],
        storage: new RedisThrottlerStorage(redis),
        errorMessage: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요. / Too many requests, please try again later.',
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
