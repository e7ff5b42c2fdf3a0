import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { MergeCandidatesQueryDto, MergeTicketDto } from './ticket-merge.dto';
import { TicketMergeService, type MergeCandidate } from './ticket-merge.service';

@ApiTags('tickets')
@Controller('tickets')
export class TicketMergeController {
  constructor(private readonly merges: TicketMergeService) {}

  /** Merges ticket :id into `intoId`; answers the surviving ticket. */
  @Post(':id/merge')
  @Roles('agent')
  @HttpCode(200)
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MergeTicketDto, @CurrentUser() user: AuthUser): Promise<TicketRecord> {
    return this.merges.merge(id, dto, user);
  }

  @Get(':id/merge-candidates')
  @Roles('agent')
  candidates(@Param('id', ParseUUIDPipe) id: string, @Query() query: MergeCandidatesQueryDto): Promise<MergeCandidate[]> {
    return this.merges.candidates(id, query.q);
  }
}
