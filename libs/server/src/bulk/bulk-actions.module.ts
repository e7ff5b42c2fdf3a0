import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../core/queue/queue-names';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { TicketsModule } from '../tickets/tickets.module';
import { BulkActionsController } from './bulk-actions.controller';
import { BulkActionsService } from './bulk-actions.service';

/** Bulk work from the ticket list; large selections run in the worker (BulkActionsProcessor). */
@Module({
  imports: [TicketsModule, ScenariosModule, BullModule.registerQueue({ name: QueueName.BulkActions })],
  controllers: [BulkActionsController],
  providers: [BulkActionsService],
  exports: [BulkActionsService, BullModule],
})
export class BulkActionsModule {}
