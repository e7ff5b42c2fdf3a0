import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { MacroRecord } from '@shopdesk/contracts/macros';
import type { AuthUser } from '../auth/actor';
import { CurrentUser } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type ListQuerySpec, type RawListQuery } from '../core/http/list-query';
import { MacroDto, MacroPreviewDto } from './macro.dto';
import { MACRO_SORT_FIELDS, MacrosService, type MacroFilterField, type MacroSortField } from './macros.service';

const SPEC: ListQuerySpec<MacroSortField, MacroFilterField> = {
  sortFields: MACRO_SORT_FIELDS,
  defaultSort: { field: 'title', order: 'ASC' },
  filters: { q: { kind: 'text' }, shared: { kind: 'boolean' }, mine: { kind: 'boolean' } },
};

// Every route needs a signed-in agent (global AuthGuard); who may change what is decided per
// macro in MacrosService (own personal macros; shared ones by leads and admins).
@ApiTags('macros')
@Controller()
export class MacrosController {
  constructor(private readonly macros: MacrosService) {}

  @Get('macros')
  async list(@Query() raw: RawListQuery, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<MacroRecord[]> {
    const q = parseListQuery(raw, SPEC);
    const { rows, total } = await this.macros.list(user, q);
    res.setHeader('Content-Range', contentRange('macros', q.offset, rows.length, total));
    return rows;
  }

  @Get('macros/:id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MacroRecord> {
    return this.macros.get(user, id);
  }

  @Post('macros')
  create(@Body() dto: MacroDto, @CurrentUser() user: AuthUser): Promise<MacroRecord> {
    return this.macros.create(user, dto);
  }

  @Put('macros/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MacroDto, @CurrentUser() user: AuthUser): Promise<MacroRecord> {
    return this.macros.update(user, id, dto);
  }

  @Delete('macros/:id')
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MacroRecord> {
    return this.macros.remove(user, id);
  }

  @Post('tickets/:id/macros/:macroId/preview')
  @HttpCode(200)
  preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('macroId', ParseUUIDPipe) macroId: string,
    @Body() dto: MacroPreviewDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ body: string; missing: string[] }> {
    return this.macros.preview(user, id, macroId, dto.lang);
  }
}
