import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { CreateDemandDto, DemandDetailDto, DemandPageDto, ListDemandsQueryDto, TransitionDto, UpdateDemandDto } from './demand.dto.js';
import { DemandsService } from './demands.service.js';
import { ApiConflictWith, STATUS_CONFLICT_FIELDS } from '../core/http/api-errors.js';

@ApiTags('demands')
@Controller()
export class DemandsController {
  constructor(private readonly demands: DemandsService) {}

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

  @Get('demands/:id')
  @ApiOperation({ summary: 'One demand with its office, current officeholder, deadline and status history', operationId: 'getDemand' })
  @ApiOkResponse({ type: DemandDetailDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<DemandDetailDto> {
    return this.demands.get(user, id);
  }

  @Patch('demands/:id')
  @ApiOperation({ summary: 'Edit text, category, priority, reference, deadline, notes (coordinators)', operationId: 'updateDemand' })
  @ApiOkResponse({ type: DemandDetailDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateDemandDto): Promise<DemandDetailDto> {
    return this.demands.update(user, id, body);
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
