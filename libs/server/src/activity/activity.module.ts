import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../core/queue/queue-names';
import { TicketActivityPublisher } from './ticket-activity.publisher';
import { TicketActivityService } from './ticket-activity.service';

/** Producer side (API and worker). The processor is registered by the worker's own module. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.TicketActivity })],
  providers: [TicketActivityPublisher, TicketActivityService],
  exports: [TicketActivityPublisher, TicketActivityService, BullModule],
})
export class ActivityModule {}
