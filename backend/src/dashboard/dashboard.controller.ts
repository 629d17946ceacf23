import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { DashboardDto } from './dashboard.dto.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@Controller('campaigns/:id/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary:
      'The campaign at a glance: scorecard (office × demands), counts, response rates, overdue and next-14-days work, calendar, latest changes',
    operationId: 'getDashboard',
  })
  @ApiOkResponse({ type: DashboardDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) campaignId: string): Promise<DashboardDto> {
    return this.dashboard.get(user, campaignId);
  }
}
