import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  CampaignFollowUpsQueryDto,
  CreateFollowUpDto,
  FollowUpDto,
  FollowUpPageDto,
  MyFollowUpsQueryDto,
  UpdateFollowUpDto,
} from './follow-up.dto.js';
import { FollowUpsService } from './follow-ups.service.js';

@ApiTags('follow-ups')
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get('follow-ups')
  @ApiOperation({
    summary: "The caller's organization's follow-ups across campaigns, soonest due first (organization=mine)",
    operationId: 'listMyFollowUps',
  })
  @ApiOkResponse({ type: FollowUpPageDto })
  listMine(@CurrentUser() user: AuthUser, @Query() query: MyFollowUpsQueryDto): Promise<FollowUpPageDto> {
    return this.followUps.listMine(user, query);
  }

  @Get('campaigns/:id/follow-ups')
  @ApiOperation({ summary: "A campaign's follow-ups, soonest due first", operationId: 'listFollowUps' })
  @ApiOkResponse({ type: FollowUpPageDto })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Query() query: CampaignFollowUpsQueryDto,
  ): Promise<FollowUpPageDto> {
    return this.followUps.listForCampaign(user, campaignId, query);
  }

  @Post('campaigns/:id/follow-ups')
  @ApiOperation({
    summary: 'Assign a follow-up to an organization of the campaign (coordinators of a lead organization)',
    operationId: 'createFollowUp',
  })
  @ApiCreatedResponse({ type: FollowUpDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Body() body: CreateFollowUpDto,
  ): Promise<FollowUpDto> {
    return this.followUps.create(user, campaignId, body);
  }

  @Get('follow-ups/:id')
  @ApiOperation({ summary: 'One follow-up', operationId: 'getFollowUp' })
  @ApiOkResponse({ type: FollowUpDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<FollowUpDto> {
    return this.followUps.get(user, id);
  }

  @Patch('follow-ups/:id')
  @ApiOperation({
    summary: 'Coordinators: edit, reschedule, reassign. Members of the assigned organization: status and completion note',
    operationId: 'updateFollowUp',
  })
  @ApiOkResponse({ type: FollowUpDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateFollowUpDto): Promise<FollowUpDto> {
    return this.followUps.update(user, id, body);
  }
}
