import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { PresenceRecord } from '@shopdesk/contracts/live';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { LiveHub } from './live-hub';
import { SetPresenceDto } from './live.dto';
import { PresenceService } from './presence.service';

/** The live queue: one server-sent event stream per browser tab, and who has which ticket open. */
@ApiTags('live')
@Controller('live')
@Roles('agent')
export class LiveController {
  constructor(
    private readonly hub: LiveHub,
    private readonly presence: PresenceService,
  ) {}

  /** `event: ticket` / `event: presence` frames (JSON data) until the tab closes; `: heartbeat` every 25 s. */
  @Get('events')
  @ApiProduces('text/event-stream')
  events(@Req() req: Request, @Res() res: Response, @CurrentUser() user: AuthUser): void {
    this.hub.attach(res, user, (req.cookies as Record<string, string>)[SESSION_COOKIE]);
  }

  @Get('presence/:ticketId')
  list(@Param('ticketId', ParseUUIDPipe) ticketId: string): Promise<PresenceRecord[]> {
    return this.presence.list(ticketId);
  }

  /** Sent every 10 s by the ticket page; answers with everyone on the ticket now. */
  @Post('presence/:ticketId')
  @HttpCode(200)
  set(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() body: SetPresenceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PresenceRecord[]> {
    return this.presence.set(ticketId, user, body.state);
  }

  @Delete('presence/:ticketId')
  @HttpCode(204)
  async leave(@Param('ticketId', ParseUUIDPipe) ticketId: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.presence.clear(ticketId, user.id);
  }
}
