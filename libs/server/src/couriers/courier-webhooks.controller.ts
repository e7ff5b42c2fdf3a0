import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CourierProvider } from '@shopdesk/contracts/couriers';
import { Public } from '../auth/auth.decorators';
import { CourierWebhooksService } from './courier-webhooks.service';
import { MetricsService } from '../core/metrics/metrics.service';
import { WebhookRejected, webhookRejectionBody } from './providers/types';

type RawRequest = Request & { rawBody?: Buffer };

/** Courier tracking webhooks: signed (AfterShip, generic) or token-in-path (Sweet Tracker). */
@ApiTags('webhooks')
@Controller('webhooks/couriers')
export class CourierWebhooksController {
  constructor(
    private readonly webhooks: CourierWebhooksService,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Post('aftership')
  @HttpCode(200)
  aftership(@Req() req: RawRequest, @Res() res: Response) {
    return this.handle('aftership', req, res);
  }

  @Public()
  @Post('generic')
  @HttpCode(200)
  generic(@Req() req: RawRequest, @Res() res: Response) {
    return this.handle('generic', req, res);
  }

  @Public()
  @Post('sweettracker/:token')
  @HttpCode(200)
  sweettracker(@Param('token') token: string, @Req() req: RawRequest, @Res() res: Response) {
    return this.handle('sweettracker', req, res, token);
  }

  private async handle(provider: CourierProvider, req: RawRequest, res: Response, token?: string): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]),
    );
    try {
      const result = await this.webhooks.receive({ provider, rawBody: req.rawBody, headers, ip: req.ip, token });
      const body = provider === 'sweettracker' ? result.ack : { ...((result.ack as object) ?? {}), accepted: result.accepted, duplicates: result.duplicates };
      // The same JSON as res.json() without Express's send path (ETag hashing, freshness check),
      // which a webhook acknowledgement never needs: this is the hottest route under a courier storm.
      const text = JSON.stringify(body);
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(text));
      res.end(text);
    } catch (err) {
      if (err instanceof WebhookRejected) {
        this.metrics.webhookRejected(provider, err.status);
        res.status(err.status).json(webhookRejectionBody(err, { ko: '웹훅', en: 'Webhook' }));
        return;
      }
      throw err;
    }
  }
}
