import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../core/queue/queue-names';
import { TicketsModule } from '../tickets/tickets.module';
import { SlaController } from './sla.controller';
import { SlaAdminService } from './sla-admin.service';
import { SlaService } from './sla.service';

/** Planning runs wherever tickets change (API, worker, seed); the processor is the worker's. */
@Module({
  imports: [TicketsModule, BullModule.registerQueue({ name: QueueName.SlaLadder })],
  controllers: [SlaController],
  providers: [SlaService, SlaAdminService],
  exports: [SlaService, BullModule],
})
export class SlaModule {}
