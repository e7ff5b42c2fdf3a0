import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../core/queue/queue-names';
import { TicketsModule } from '../tickets/tickets.module';
import { ReshipmentsController } from './reshipments.controller';
import { ReshipmentsService } from './reshipments.service';
import { MetricsModule } from '../core/metrics/metrics.module';

/** Requests are created wherever tickets change (listener); sending is the worker's processor. */
@Module({
  imports: [TicketsModule, MetricsModule, BullModule.registerQueue({ name: QueueName.Reshipments })],
  controllers: [ReshipmentsController],
  providers: [ReshipmentsService],
  exports: [ReshipmentsService, BullModule],
})
export class ReshipmentsModule {}
