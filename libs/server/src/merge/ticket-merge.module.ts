import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { TicketMergeController } from './ticket-merge.controller';
import { TicketMergeService } from './ticket-merge.service';

@Module({
  imports: [TicketsModule],
  controllers: [TicketMergeController],
  providers: [TicketMergeService],
})
export class TicketMergeModule {}
