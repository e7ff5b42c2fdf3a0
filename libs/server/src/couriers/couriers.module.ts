import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../core/queue/queue-names';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { TicketsModule } from '../tickets/tickets.module';
import { CourierEventsService } from './courier-events.service';
import { CourierWebhooksController } from './courier-webhooks.controller';
import { CourierWebhooksService } from './courier-webhooks.service';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsService } from './shipments.service';
import { MetricsModule } from '../core/metrics/metrics.module';

/** Webhook intake and shipment reads (API); applying events is the worker's (processor registered there). */
@Module({
  imports: [TicketsModule, ScenariosModule, MetricsModule, BullModule.registerQueue({ name: QueueName.CourierEvents })],
  controllers: [CourierWebhooksController, ShipmentsController],
  providers: [CourierWebhooksService, CourierEventsService, ShipmentsService],
  exports: [CourierEventsService, CourierWebhooksService, BullModule],
})
export class CouriersModule {}
