import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { DecideProposalDto, ListProposalsQueryDto, ProposalDto, ProposalPageDto } from './proposal.dto.js';
import { ProposalsService } from './proposals.service.js';
import { ApiConflictWith, STATUS_CONFLICT_FIELDS } from '../core/http/api-errors.js';

@ApiTags('demands')
@Controller()
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get('campaigns/:id/proposals')
  @ApiOperation({ summary: 'Status moves proposed by members with responses, newest first', operationId: 'listProposals' })
  @ApiOkResponse({ type: ProposalPageDto })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Query() query: ListProposalsQueryDto,
  ): Promise<ProposalPageDto> {
    return this.proposals.list(user, campaignId, query);
  }

  @Post('proposals/:id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a proposed status move: the demand moves (coordinators of a lead organization)',
    operationId: 'confirmProposal',
  })
  @ApiOkResponse({ type: ProposalDto })
  @ApiConflictWith('Decided already (`already_decided`), or the move is no longer allowed (`illegal_transition`)', STATUS_CONFLICT_FIELDS)
  confirm(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: DecideProposalDto): Promise<ProposalDto> {
    return this.proposals.decide(user, id, true, body.note);
  }

  @Post('proposals/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed status move (coordinators of a lead organization)', operationId: 'rejectProposal' })
  @ApiOkResponse({ type: ProposalDto })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: DecideProposalDto): Promise<ProposalDto> {
    return this.proposals.decide(user, id, false, body.note);
  }
}
