import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OutboundMessageRecord } from '@shopdesk/contracts/mail';
import { OutboundMailService } from './outbound-mail.service';

@ApiTags('mail')
@Controller()
export class OutboundMailController {
  constructor(private readonly mail: OutboundMailService) {}

  /** The ticket's e-mails, newest first; bodies keep `{{statusUrl}}` (the link's token is never stored). */
  @Get('tickets/:id/outbound-messages')
  forTicket(@Param('id', ParseUUIDPipe) id: string): Promise<OutboundMessageRecord[]> {
    return this.mail.forTicket(id);
  }
}
