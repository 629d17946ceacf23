import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { CampaignInvitationDto, CampaignInvitationPageDto, ListCampaignInvitationsQueryDto } from './campaign-invitation.dto.js';
import { CampaignInvitationsService } from './campaign-invitations.service.js';
import { ApiConflictWith } from '../core/http/api-errors.js';

const INVITATION_CONFLICT_FIELDS = {
  outcome: { type: 'string', description: 'What became of the invitation: accepted, declined, withdrawn…' },
} as const;

/** Invitations for the caller's organization to join campaigns: its coordinators accept or decline them. */
@ApiTags('campaigns')
@Controller('campaign-invitations')
export class CampaignInvitationsController {
  constructor(private readonly invitations: CampaignInvitationsService) {}

  @Get()
  @ApiOperation({
    summary: "Pending invitations for the caller's organization to join a campaign, newest first (coordinators)",
    operationId: 'listCampaignInvitations',
  })
  @ApiOkResponse({ type: CampaignInvitationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCampaignInvitationsQueryDto): Promise<CampaignInvitationPageDto> {
    return this.invitations.listMine(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One invitation (coordinators of the invited organization)', operationId: 'getCampaignInvitation' })
  @ApiOkResponse({ type: CampaignInvitationDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<CampaignInvitationDto> {
    return this.invitations.get(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept: the organization joins the campaign in the role offered (coordinators of the invited organization)',
    description: 'An invitation already answered, withdrawn or superseded answers 409 `invitation_decided` with its `outcome`.',
    operationId: 'acceptCampaignInvitation',
  })
  @ApiOkResponse({ type: CampaignInvitationDto })
  @ApiConflictWith('Answered, withdrawn or superseded already (`invitation_decided`)', INVITATION_CONFLICT_FIELDS)
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<CampaignInvitationDto> {
    return this.invitations.answer(user, id, 'accepted');
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline: the organization stays out of the campaign (coordinators of the invited organization)',
    description: 'An invitation already answered, withdrawn or superseded answers 409 `invitation_decided` with its `outcome`.',
    operationId: 'declineCampaignInvitation',
  })
  @ApiOkResponse({ type: CampaignInvitationDto })
  @ApiConflictWith('Answered, withdrawn or superseded already (`invitation_decided`)', INVITATION_CONFLICT_FIELDS)
  decline(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<CampaignInvitationDto> {
    return this.invitations.answer(user, id, 'declined');
  }
}
