import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TemplateSuggestion, TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import { agentActor, type AuthUser } from '../auth/actor';
import { CurrentUser } from '../auth/auth.decorators';
import { ApplyTemplateDto, ChecklistStepDto, PreviewReplyDto, ResolveDto, SetFieldsDto } from './scenario.dto';
import { TicketScenarioService } from './ticket-scenario.service';

const STEP_ID = /^[a-z][a-zA-Z0-9]{0,39}$/;

@ApiTags('ticket scenario')
@Controller('tickets/:id/scenario')
export class TicketScenarioController {
  constructor(private readonly scenarios: TicketScenarioService) {}

  /** The applied template state, or null when none is applied yet. */
  @Get()
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ scenario: TicketScenarioRecord | null }> {
    return { scenario: await this.scenarios.get(id) };
  }

  @Get('suggestions')
  suggestions(@Param('id', ParseUUIDPipe) id: string): Promise<TemplateSuggestion[]> {
    return this.scenarios.suggest(id);
  }

  @Post()
  @HttpCode(200)
  apply(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ApplyTemplateDto, @CurrentUser() user: AuthUser) {
    return this.scenarios.apply(id, dto.templateKey, agentActor(user));
  }

  @Put('fields')
  fields(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SetFieldsDto, @CurrentUser() user: AuthUser) {
    return this.scenarios.setFields(id, dto.fields, agentActor(user));
  }

  @Post('checklist/:stepId')
  @HttpCode(200)
  checklist(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId') stepId: string,
    @Body() dto: ChecklistStepDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.scenarios.setChecklistStep(id, STEP_ID.test(stepId) ? stepId : '~invalid', dto.done, agentActor(user));
  }

  @Post('replies/:replyId/preview')
  @HttpCode(200)
  preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: PreviewReplyDto,
    @CurrentUser() user: AuthUser,
  ) {
    const resolution = dto.code ? { code: dto.code, amount: dto.amount, reasonCode: dto.reasonCode } : undefined;
    return this.scenarios.preview(id, replyId, dto.lang, user.name, resolution);
  }

  @Post('resolve')
  @HttpCode(200)
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveDto, @CurrentUser() user: AuthUser) {
    return this.scenarios.resolve(id, dto, agentActor(user));
  }
}
