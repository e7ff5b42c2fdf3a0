import { Module } from '@nestjs/common';
import { TicketActivityProcessor } from '@shopdesk/server/activity/ticket-activity.processor';
import { TicketActivityScheduler } from '@shopdesk/server/activity/ticket-activity.scheduler';
import { BulkActionsProcessor } from '@shopdesk/server/bulk/bulk-actions.processor';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { LoggingModule } from '@shopdesk/server/core/logging/logging.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { RedisResetWatcher } from '@shopdesk/server/core/queue/redis-reset.watcher';
import { CourierEventsProcessor } from '@shopdesk/server/couriers/courier-events.processor';
import { CourierEventsReconciler } from '@shopdesk/server/couriers/courier-events.reconciler';
import { ExportsModule } from '@shopdesk/server/exports/exports.module';
import { TicketExportProcessor } from '@shopdesk/server/exports/ticket-export.processor';
import { OutboxRelay } from '@shopdesk/server/core/outbox/outbox.relay';
import { SendMailProcessor } from '@shopdesk/server/mail/send-mail.processor';
import { ReshipmentsProcessor } from '@shopdesk/server/reshipments/reshipments.processor';
import { SlaLadderProcessor } from '@shopdesk/server/sla/sla-ladder.processor';
import { SlaLadderScheduler } from '@shopdesk/server/sla/sla-ladder.scheduler';
import { TicketingModule } from '@shopdesk/server/ticketing.module';

/** The worker process: BullMQ processors and schedulers, no HTTP. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, QueueModule.forRoot('worker'), TicketingModule, ExportsModule],
  providers: [
    RedisResetWatcher,
    TicketActivityProcessor,
    TicketActivityScheduler,
    SlaLadderProcessor,
    SlaLadderScheduler,
    CourierEventsProcessor,
    CourierEventsReconciler,
    ReshipmentsProcessor,
    SendMailProcessor,
    TicketExportProcessor,
    BulkActionsProcessor,
    OutboxRelay,
  ],
})
export class WorkerModule {}
