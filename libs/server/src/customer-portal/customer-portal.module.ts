import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { MailModule } from '../mail/mail.module';
import { TicketingModule } from '../ticketing.module';
import { CustomerAccessModule } from './customer-access.module';
import { PublicController } from './public.controller';
import { PublicIntakeService } from './public-intake.service';
import { PublicStatusService } from './public-status.service';

/** The public form, the private status page and customer tokens. */
@Module({
  imports: [TicketingModule, AttachmentsModule, MailModule, CustomerAccessModule],
  controllers: [PublicController],
  providers: [PublicIntakeService, PublicStatusService],
})
export class CustomerPortalModule {}
