import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../core/queue/queue-names';
import { TicketsModule } from '../tickets/tickets.module';
import { ExportsController } from './exports.controller';
import { TicketExportService } from './ticket-export.service';

/** CSV exports of the ticket list: direct downloads in the API, large files in the worker (TicketExportProcessor). */
@Module({
  imports: [TicketsModule, BullModule.registerQueue({ name: QueueName.Exports })],
  controllers: [ExportsController],
  providers: [TicketExportService],
  exports: [TicketExportService],
})
export class ExportsModule {}
