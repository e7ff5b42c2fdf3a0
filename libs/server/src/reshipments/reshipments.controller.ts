import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Request, Response } from 'express';
import type { ReshipmentRecord } from '@shopdesk/contracts/reshipments';
import { agentActor, type AuthUser } from '../auth/actor';
import { CurrentUser, Public } from '../auth/auth.decorators';
import { WebhookRejected, webhookRejectionBody } from '../couriers/providers/types';
import { MetricsService } from '../core/metrics/metrics.service';
import { ReshipmentsService } from './reshipments.service';

class ReshipItemDto {
  @ApiProperty() @IsString() @Length(1, 64) sku: string;
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) qty: number;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) name?: string;
}

class RequestReshipmentDto {
  @ApiProperty({ type: [ReshipItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReshipItemDto)
  items: ReshipItemDto[];
  @ApiProperty() @IsString() @Length(1, 500) reason: string;
}

@ApiTags('reshipments')
@Controller()
export class ReshipmentsController {
  constructor(
    private readonly reshipments: ReshipmentsService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('tickets/:id/reshipments')
  forTicket(@Param('id', ParseUUIDPipe) id: string): Promise<ReshipmentRecord[]> {
    return this.reshipments.forTicket(id);
  }

  @Post('tickets/:id/reshipments')
  request(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestReshipmentDto, @CurrentUser() user: AuthUser) {
    return this.reshipments.request(id, dto.items, dto.reason, agentActor(user));
  }

  @Post('reshipments/:id/retry')
  @HttpCode(200)
  retry(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reshipments.retry(id, agentActor(user));
  }

  @Post('reshipments/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reshipments.cancel(id, agentActor(user));
  }

  /** Warehouse confirmation (signed like the generic courier format, with WAREHOUSE_CALLBACK_SECRET). */
  @Public()
  @Post('webhooks/warehouse')
  async warehouse(@Req() req: Request & { rawBody?: Buffer }, @Res() res: Response): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]),
    );
    try {
      const outcome = await this.reshipments.warehouseCallback(req.rawBody, headers);
      res.status(200).json({ ok: true, outcome });
    } catch (err) {
      if (!(err instanceof WebhookRejected)) throw err;
      this.metrics.webhookRejected('warehouse', err.status);
      res.status(err.status).json(webhookRejectionBody(err, { ko: '물류센터 콜백', en: 'Warehouse callback' }));
    }
  }
}
