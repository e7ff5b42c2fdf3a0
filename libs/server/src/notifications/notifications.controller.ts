import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/actor';
import { CurrentUser } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type RawListQuery } from '../core/http/list-query';
import { NotificationsService, type NotificationRecord } from './notifications.service';

const SPEC = {
  sortFields: ['createdAt'] as const,
  defaultSort: { field: 'createdAt' as const, order: 'DESC' as const },
  filters: { unread: { kind: 'boolean' as const } },
  maxPageSize: 100,
};

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async list(
    @Query() raw: RawListQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NotificationRecord[]> {
    const q = parseListQuery(raw, SPEC);
    const { rows, total } = await this.notifications.list(user, { offset: q.offset, limit: q.limit }, q.filter.unread === true);
    res.setHeader('Content-Range', contentRange('notifications', q.offset, rows.length, total));
    return rows;
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<NotificationRecord> {
    return this.notifications.markRead(user, id);
  }
}
