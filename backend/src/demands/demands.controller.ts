import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  CreateDemandDto,
  DemandDetailDto,
  DemandPageDto,
  ListDemandsQueryDto,
  PastDeadlineDemandDto,
  ReorderDemandsDto,
  SEND_BLOCKERS,
  SendCampaignDto,
  SendPreviewDto,
  SentCampaignDto,
  TransitionDto,
  UpdateDemandDto,
} from './demand.dto.js';
import { CampaignSending } from './campaign-sending.js';
import { DemandsService } from './demands.service.js';
import { ApiConflictWith, STATUS_CONFLICT_FIELDS } from '../core/http/api-errors.js';

@ApiTags('demands')
@Controller()
export class DemandsController {
  constructor(
    private readonly demands: DemandsService,
    private readonly sending: CampaignSending,
  ) {}

  @Get('campaigns/:id/demands')
  @ApiOperation({ summary: "A campaign's demands in letter order; filter by status, office, words", operationId: 'listDemands' })
  @ApiOkResponse({ type: DemandPageDto })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Query() query: ListDemandsQueryDto,
  ): Promise<DemandPageDto> {
    return this.demands.list(user, campaignId, query);
  }

  @Post('campaigns/:id/demands')
  @ApiOperation({
    summary: 'Add a demand to an office (coordinators of a lead organization); it starts as draft',
    operationId: 'createDemand',
  })
  @ApiCreatedResponse({ type: DemandDetailDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Body() body: CreateDemandDto,
  ): Promise<DemandDetailDto> {
    return this.demands.create(user, campaignId, body);
  }

  @Put('campaigns/:id/demands/order')
  @ApiOperation({
    summary: "Put the campaign's demands in a new order (coordinators): every demand of the campaign, each once",
    operationId: 'reorderDemands',
  })
  @ApiOkResponse({ type: DemandPageDto, description: 'The first page of the demands in their new order' })
  @ApiConflictWith('stale_order: a demand was added or deleted since the list was loaded', {})
  reorder(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Body() body: ReorderDemandsDto,
  ): Promise<DemandPageDto> {
    return this.demands.reorder(user, campaignId, body);
  }

  @Get('campaigns/:id/send-preview')
  @ApiOperation({
    summary: 'What marking the campaign as sent would do now: demands to send, those whose deadline has passed, what blocks it',
    operationId: 'previewCampaignSend',
  })
  @ApiOkResponse({ type: SendPreviewDto })
  sendPreview(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) campaignId: string): Promise<SendPreviewDto> {
    return this.sending.preview(user, campaignId);
  }

  @Post('campaigns/:id/send')
  @HttpCode(200)
  @ApiOperation({
    summary: "Mark a draft campaign as sent: it becomes active and its draft demands sent on the letter's date; reminders start",
    description:
      "In one transaction. Demands whose deadline has already passed need `confirmPastDeadlines: true` (409 past_deadlines names them); they then move to no_response dated at their deadline, and nobody is notified of these moves. The demands' sent instant is noon UTC of the letter's date.",
    operationId: 'sendCampaign',
  })
  @ApiOkResponse({ type: SentCampaignDto, description: 'What was done, and the reminders it planned' })
  @ApiConflictWith('cannot_send (the `blockers`), or past_deadlines (the demands concerned, in `pastDeadline`)', {
    blockers: { type: 'array', items: { type: 'string', enum: [...SEND_BLOCKERS] } },
    pastDeadline: { type: 'array', items: { $ref: getSchemaPath(PastDeadlineDemandDto) } },
  })
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Body() body: SendCampaignDto,
  ): Promise<SentCampaignDto> {
    return this.sending.send(user, campaignId, body);
  }

  @Get('demands/:id')
  @ApiOperation({ summary: 'One demand with its office, current officeholder, deadline and status history', operationId: 'getDemand' })
  @ApiOkResponse({ type: DemandDetailDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<DemandDetailDto> {
    return this.demands.get(user, id);
  }

  @Patch('demands/:id')
  @ApiOperation({
    summary: 'Edit office, text, category, priority, reference, deadline, notes (coordinators)',
    operationId: 'updateDemand',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateDemandDto): Promise<DemandDetailDto> {
    return this.demands.update(user, id, body);
  }

  @Delete('demands/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft demand (coordinators); a sent one is withdrawn instead', operationId: 'deleteDemand' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictWith('not_draft: the demand has been sent; withdraw it instead', { current: { type: 'string' } })
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.demands.remove(user, id);
  }

  @Post('demands/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the demand to another status along the transition table (coordinators); recorded with actor, time and note',
    operationId: 'transitionDemand',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiConflictWith(
    'illegal_transition or stale_status; the body says the `current` status and the `allowed` next ones',
    STATUS_CONFLICT_FIELDS,
  )
  transition(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: TransitionDto): Promise<DemandDetailDto> {
    return this.demands.transition(user, id, body);
  }
}
