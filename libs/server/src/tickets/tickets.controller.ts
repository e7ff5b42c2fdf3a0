import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TicketEventRecord, TicketMessageRecord, TicketRecord } from '@shopdesk/contracts/tickets';
import { agentActor, type AuthUser } from '../auth/actor';
import { CurrentUser } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type RawListQuery } from '../core/http/list-query';
import {
  AddMessageDto,
  AssignDto,
  ChangePriorityDto,
  ChangeStatusDto,
  CreateTicketDto,
  SetTagsDto,
  UpdateTicketDto,
} from './ticket.dto';
import { EVENT_LIST_SPEC, THREAD_LIST_SPEC, TICKET_LIST_SPEC, TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  async list(
    @Query() raw: RawListQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketRecord[]> {
    const query = parseListQuery(raw, TICKET_LIST_SPEC);
    const { rows, total, capped } = await this.tickets.list(query, user.id);
    res.setHeader('Content-Range', contentRange('tickets', query.offset, rows.length, total));
    if (capped) res.setHeader('X-Total-Capped', 'true');
    return rows;
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TicketRecord> {
    return this.tickets.get(id);
  }

  @Post()
  create(@Body() dto: CreateTicketDto, @CurrentUser() user: AuthUser): Promise<TicketRecord> {
    return this.tickets.create({ ...dto, channel: dto.channel ?? 'agent' }, agentActor(user));
  }

  @Put(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTicketDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketRecord> {
    return this.tickets.updateDetails(id, dto, agentActor(user));
  }

  @Get(':id/messages')
  async messages(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketMessageRecord[]> {
    const q = parseListQuery(raw, THREAD_LIST_SPEC);
    const { rows, total } = await this.tickets.listMessages(id, { offset: q.offset, limit: q.limit, order: q.sort.order });
    res.setHeader('Content-Range', contentRange('messages', q.offset, rows.length, total));
    return rows;
  }

  @Post(':id/messages')
  addMessage(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddMessageDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketMessageRecord> {
    return this.tickets.addMessage(id, dto, agentActor(user));
  }

  @Get(':id/events')
  async events(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketEventRecord[]> {
    const q = parseListQuery(raw, EVENT_LIST_SPEC);
    const { rows, total } = await this.tickets.listEvents(id, { offset: q.offset, limit: q.limit, order: q.sort.order });
    res.setHeader('Content-Range', contentRange('events', q.offset, rows.length, total));
    return rows;
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignDto, @CurrentUser() user: AuthUser) {
    return this.tickets.assign(id, dto.assigneeId, agentActor(user));
  }

  @Post(':id/status')
  @HttpCode(200)
  status(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeStatusDto, @CurrentUser() user: AuthUser) {
    return this.tickets.changeStatus(id, dto.status, agentActor(user));
  }

  @Post(':id/priority')
  @HttpCode(200)
  priority(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangePriorityDto, @CurrentUser() user: AuthUser) {
    return this.tickets.changePriority(id, dto.priority, agentActor(user));
  }

  @Post(':id/tags')
  @HttpCode(200)
  tags(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SetTagsDto, @CurrentUser() user: AuthUser) {
    return this.tickets.setTags(id, dto.tags, agentActor(user));
  }
}
