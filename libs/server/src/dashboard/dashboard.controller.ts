import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DashboardStats } from '@shopdesk/contracts/dashboard';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { parseDashboardQuery } from './dashboard-query';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** Agents get their own tickets' numbers; leads and admins the team's. */
  @Get('stats')
  @Roles('agent')
  stats(@Query() raw: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<DashboardStats> {
    return this.dashboard.stats(parseDashboardQuery(raw), user);
  }
}
