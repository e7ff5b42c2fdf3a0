import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendAttachment } from './attachment-response';
import { AttachmentsService, type AttachmentRecord } from './attachments.service';

/** Agents read a ticket's evidence (the global AuthGuard requires a signed-in agent). */
@ApiTags('attachments')
@Controller('tickets/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  list(@Param('id', ParseUUIDPipe) id: string): Promise<AttachmentRecord[]> {
    return this.attachments.listForTicket(id);
  }

  @Get(':attachmentId')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { meta, bytes } = await this.attachments.read(id, attachmentId);
    sendAttachment(res, meta, bytes);
  }
}
