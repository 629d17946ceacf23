import { ApiProperty } from '@nestjs/swagger';
import { CAMPAIGN_ROLES, type CampaignRole } from '@demarche/shared';
import { PageQueryDto } from '../core/http/pagination.js';
import { CAMPAIGN_INVITATION_OUTCOMES, type CampaignInvitationOutcome } from './campaign-invitation.entity.js';

/**
 * An organization invited to a campaign that has not answered yet, as the campaign's
 * coordinators see it: its name and the role offered, nothing else about it.
 */
export class PendingCampaignOrganizationDto {
  @ApiProperty({ format: 'uuid', description: 'The invited organization (to withdraw the invitation: DELETE …/organizations/:id)' })
  organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_ROLES, description: 'The role offered' }) role: CampaignRole;
  @ApiProperty({ enum: ['invited'] }) status: 'invited';
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
}

export const CAMPAIGN_INVITATION_STATUSES = ['pending', ...CAMPAIGN_INVITATION_OUTCOMES] as const;
export type CampaignInvitationStatus = 'pending' | CampaignInvitationOutcome;

/** An invitation for the caller's organization to join a campaign, as its coordinators see it. */
export class CampaignInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty({ description: "The campaign's summary, to decide on" }) campaignSummary: string;
  @ApiProperty({ format: 'uuid', description: 'The organization invited' }) organizationId: string;
  @ApiProperty({ enum: CAMPAIGN_ROLES, description: 'The role offered: lead (coordinates and signs) or signatory' })
  role: CampaignRole;
  @ApiProperty({ type: String, nullable: true, description: 'The inviting organization (null: it no longer exists)' })
  invitedByOrganizationName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The person who invited (null: their account is gone)' })
  invitedByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: CAMPAIGN_INVITATION_STATUSES }) status: CampaignInvitationStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class CampaignInvitationPageDto {
  @ApiProperty({ type: [CampaignInvitationDto] }) items: CampaignInvitationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** `?cursor=&limit=`: the pending invitations of the caller's organization, newest first. */
export class ListCampaignInvitationsQueryDto extends PageQueryDto {}
