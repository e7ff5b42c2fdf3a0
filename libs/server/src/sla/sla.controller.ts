import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SlaPolicyRecord, TicketSlaRecord } from '@shopdesk/contracts/sla';
import { Roles } from '../auth/auth.decorators';
import { DomainError } from '../core/errors/domain-error';
import { contentRange } from '../core/http/list-query';
import { SlaAdminService, type CalendarRecord } from './sla-admin.service';
import { SlaService } from './sla.service';

@ApiTags('sla')
@Controller()
export class SlaController {
  constructor(
    private readonly sla: SlaService,
    private readonly admin: SlaAdminService,
  ) {}

  /** Every SLA target of a ticket: due time, state, pauses and the rungs already fired. */
  @Get('tickets/:id/sla')
  forTicket(@Param('id', ParseUUIDPipe) id: string): Promise<TicketSlaRecord[]> {
    return this.sla.forTicket(id);
  }

  @Get('sla/summary')
  summary() {
    return this.sla.summary();
  }

  /** Policies are few (one row per rule); the list is returned whole. */
  @Get('sla-policies')
  async policies(@Res({ passthrough: true }) res: Response): Promise<SlaPolicyRecord[]> {
    const rows = await this.admin.listPolicies();
    res.setHeader('Content-Range', contentRange('sla-policies', 0, rows.length, rows.length));
    return rows;
  }

  @Get('sla-policies/:id')
  policy(@Param('id', ParseUUIDPipe) id: string): Promise<SlaPolicyRecord> {
    return this.admin.getPolicy(id);
  }

  @Roles('admin')
  @Post('sla-policies')
  @ApiBody({ schema: { type: 'object' } })
  createPolicy(@Body() body: Record<string, unknown>): Promise<SlaPolicyRecord> {
    return this.admin.savePolicy(null, body);
  }

  @Roles('admin')
  @Put('sla-policies/:id')
  @ApiBody({ schema: { type: 'object' } })
  updatePolicy(@Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>): Promise<SlaPolicyRecord> {
    return this.admin.savePolicy(id, body);
  }

  @Get('business-calendars')
  async calendars(@Res({ passthrough: true }) res: Response): Promise<CalendarRecord[]> {
    const rows = await this.admin.listCalendars();
    res.setHeader('Content-Range', contentRange('business-calendars', 0, rows.length, rows.length));
    return rows;
  }

  @Get('business-calendars/:id')
  async calendar(@Param('id', ParseUUIDPipe) id: string): Promise<CalendarRecord> {
    const found = (await this.admin.listCalendars()).find((c) => c.id === id);
    if (!found) throw new DomainError('NOT_FOUND', `영업 캘린더를 찾을 수 없습니다. / Calendar ${id} not found.`);
    return found;
  }

  @Roles('admin')
  @Put('business-calendars/:id')
  @ApiBody({ schema: { type: 'object' } })
  updateCalendar(@Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>): Promise<CalendarRecord> {
    return this.admin.saveCalendar(id, body);
  }
}
