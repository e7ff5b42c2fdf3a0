import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BulkActionStatus } from '@shopdesk/contracts/bulk';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { BulkActionDto } from './bulk-action.dto';
import { BulkActionsService } from './bulk-actions.service';

@ApiTags('bulk-actions')
@Controller('bulk-actions')
export class BulkActionsController {
  constructor(private readonly bulk: BulkActionsService) {}

  /** 202 with the job id; poll GET /bulk-actions/:jobId for progress and the summary. */
  @Post()
  @Roles('agent')
  @HttpCode(202)
  create(@Body() dto: BulkActionDto, @CurrentUser() user: AuthUser): Promise<{ jobId: string; state: BulkActionStatus['state'] }> {
    return this.bulk.request(dto, user);
  }

  @Get(':jobId')
  @Roles('agent')
  get(@Param('jobId', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<BulkActionStatus> {
    return this.bulk.status(id, user);
  }
}
