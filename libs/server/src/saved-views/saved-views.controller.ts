import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SavedViewRecord } from '@shopdesk/contracts/saved-views';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type RawListQuery } from '../core/http/list-query';
import { CreateSavedViewDto, UpdateSavedViewDto } from './saved-view.dto';
import { SavedViewsService } from './saved-views.service';

const LIST_SPEC = {
  sortFields: ['name'] as const,
  defaultSort: { field: 'name' as const, order: 'ASC' as const },
  filters: {},
  maxPageSize: 200,
};

/** Any agent keeps their own views; sharing rules live in SavedViewsService. */
@ApiTags('saved-views')
@Roles('agent')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  async list(
    @Query() raw: RawListQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SavedViewRecord[]> {
    const q = parseListQuery(raw, LIST_SPEC);
    const { rows, total } = await this.views.list(user, { offset: q.offset, limit: q.limit });
    res.setHeader('Content-Range', contentRange('saved-views', q.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SavedViewRecord> {
    return this.views.get(user, id);
  }

  @Post()
  create(@Body() dto: CreateSavedViewDto, @CurrentUser() user: AuthUser): Promise<SavedViewRecord> {
    return this.views.create(user, dto);
  }

  @Put(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSavedViewDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SavedViewRecord> {
    return this.views.update(user, id, dto);
  }

  @Delete(':id')
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SavedViewRecord> {
    return this.views.remove(user, id);
  }
}
