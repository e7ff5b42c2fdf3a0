import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { REDIS_CLIENT } from '../core/queue/queue.module';

/**
 * Liveness (`/health/live`: the process answers, nothing else is asked) and readiness
 * (`/health/ready`, also `/health`: 200 when PostgreSQL and Redis answer, 503 naming the one that does not).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get(['', 'ready'])
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2_000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        let timer: NodeJS.Timeout | undefined;
        try {
          const pong = await Promise.race([
            this.redis.ping(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error('timeout')), 2_000);
            }),
          ]);
          return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
        } catch (e) {
          return indicator.down({ message: (e as Error).message });
        } finally {
          clearTimeout(timer);
        }
      },
    ]);
  }
}
