import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { MetricsService } from './metrics.service';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Prometheus scrape endpoint: a bearer token (METRICS_TOKEN) or, without one configured, loopback only. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    this.authorize(req);
    res.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }

  private authorize(req: Request): void {
    const expected = this.config.metricsToken;
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      const wanted = Buffer.from(`Bearer ${expected}`);
      if (given.length === wanted.length && timingSafeEqual(given, wanted)) return;
      throw new DomainError('UNAUTHENTICATED', '메트릭 토큰이 필요합니다. / A metrics token is required.');
    }
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      throw new DomainError('FORBIDDEN', '메트릭은 로컬에서만 볼 수 있습니다 (METRICS_TOKEN 미설정). / Metrics are loopback-only without METRICS_TOKEN.');
    }
  }
}
