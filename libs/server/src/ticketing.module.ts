import { Module } from '@nestjs/common';
import { ActivityModule } from './activity/activity.module';
import { BulkActionsModule } from './bulk/bulk-actions.module';
import { CouriersModule } from './couriers/couriers.module';
import { LiveEventsModule } from './live/live-events.module';
import { MailModule } from './mail/mail.module';
import { TicketMergeModule } from './merge/ticket-merge.module';
import { ReshipmentsModule } from './reshipments/reshipments.module';
import { ScenariosModule } from './scenarios/scenarios.module';
import { SlaModule } from './sla/sla.module';
import { TicketsModule } from './tickets/tickets.module';

/**
 * Everything that must be present wherever tickets change: the ticket core and the capabilities
 * that listen to its changes (SLA timers) or build on it (scenarios). Every process imports
 * this one module so no listener can be forgotten.
 */
@Module({
  imports: [TicketsModule, ScenariosModule, SlaModule, ActivityModule, CouriersModule, ReshipmentsModule, MailModule, LiveEventsModule, BulkActionsModule, TicketMergeModule],
  exports: [TicketsModule, ScenariosModule, SlaModule, ActivityModule, CouriersModule, ReshipmentsModule, MailModule, LiveEventsModule, BulkActionsModule],
})
export class TicketingModule {}
