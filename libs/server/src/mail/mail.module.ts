import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { QueueName } from '../core/queue/queue-names';
import { CustomerAccessModule } from '../customer-portal/customer-access.module';
import { TicketsModule } from '../tickets/tickets.module';
import { MailDeliveryService } from './mail-delivery.service';
import { OutboundMailController } from './outbound-mail.controller';
import { OutboundMailService } from './outbound-mail.service';
import { SEND_MAIL_ATTEMPTS } from './send-mail.job';

/**
 * Outbound e-mail. Mails are queued wherever tickets change (listener, in TicketingModule) and by
 * the customer portal; the worker registers `SendMailProcessor`, which sends them.
 */
@Module({
  imports: [
    TicketsModule,
    CustomerAccessModule,
    BullModule.registerQueueAsync({
      name: QueueName.Notifications,
      inject: [APP_CONFIG],
      // Replaces the shared defaults for this queue (shallow merge), so they are all restated here.
      useFactory: (config: AppConfig) => ({
        defaultJobOptions: {
          attempts: SEND_MAIL_ATTEMPTS,
          backoff: { type: 'exponential', delay: config.smtp.retryDelayMs },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: false,
        },
      }),
    }),
  ],
  controllers: [OutboundMailController],
  providers: [OutboundMailService, MailDeliveryService],
  exports: [OutboundMailService, MailDeliveryService, BullModule],
})
export class MailModule {}
