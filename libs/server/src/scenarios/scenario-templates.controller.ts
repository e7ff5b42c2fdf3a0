import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { validateTemplate } from '@shopdesk/contracts/scenario-schema';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type RawListQuery } from '../core/http/list-query';
import { ScenarioTemplatesService, TEMPLATE_LIST_SPEC } from './scenario-templates.service';

/** Read-only fields react-admin sends back on save; they are not part of a template definition. */
function editable(body: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, createdBy: _b, ...rest } = body ?? {};
  return rest;
}

@ApiTags('scenario templates')
@Controller('scenario-templates')
export class ScenarioTemplatesController {
  constructor(private readonly templates: ScenarioTemplatesService) {}

  @Get()
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<TemplateRecord[]> {
    const query = parseListQuery(raw, TEMPLATE_LIST_SPEC);
    const { rows, total } = await this.templates.list(query);
    res.setHeader('Content-Range', contentRange('scenario-templates', query.offset, rows.length, total));
    return rows;
  }

  @Get(':key')
  get(@Param('key') key: string): Promise<TemplateRecord> {
    return this.templates.get(key);
  }

  @Get(':key/versions')
  async versions(@Param('key') key: string, @Res({ passthrough: true }) res: Response): Promise<TemplateRecord[]> {
    const rows = await this.templates.versions(key);
    res.setHeader('Content-Range', contentRange('versions', 0, rows.length, rows.length));
    return rows;
  }

  /** Dry-run validation for the editor: `{ ok, errors }` keyed by JSON path. */
  @Roles('admin')
  @Post('validate')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object' } })
  validate(@Body() body: Record<string, unknown>) {
    const result = validateTemplate(editable(body));
    return result.ok ? { ok: true, errors: {} } : result;
  }

  @Roles('admin')
  @Post()
  @ApiBody({ schema: { type: 'object' } })
  create(@Body() body: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<TemplateRecord> {
    return this.templates.create(editable(body), user.id);
  }

  /** Saves the next version; tickets keep the version they were triaged with. */
  @Roles('admin')
  @Put(':key')
  @ApiBody({ schema: { type: 'object' } })
  update(
    @Param('key') key: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthUser,
  ): Promise<TemplateRecord> {
    return this.templates.update(key, editable(body), user.id);
  }
}
