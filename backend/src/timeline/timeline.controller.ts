import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { PageQueryDto } from '../core/http/pagination.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { TimelinePageDto } from './timeline.dto.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('timeline')
@Controller('campaigns/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @ApiOperation({ summary: 'Every change in a campaign, newest first', operationId: 'getTimeline' })
  @ApiOkResponse({ type: TimelinePageDto })
  page(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Query() query: PageQueryDto,
  ): Promise<TimelinePageDto> {
    return this.timeline.page(user, campaignId, query);
  }
}
