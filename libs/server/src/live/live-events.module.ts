import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { LiveEventsPublisher } from './live-events.publisher';

/** The publishing half of the live stream; every process that changes tickets imports it (via TicketingModule). */
@Module({
  imports: [TicketsModule],
  providers: [LiveEventsPublisher],
  exports: [LiveEventsPublisher],
})
export class LiveEventsModule {}
