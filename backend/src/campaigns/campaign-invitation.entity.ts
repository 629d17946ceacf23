import { CAMPAIGN_ROLES, type CampaignRole } from '@demarche/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { oneOf } from '../core/database/columns.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Campaign } from './campaign.entity.js';

/**
 * How an invitation ended: `accepted` or `declined` by the invited organization's coordinators,
 * `withdrawn` by the campaign's coordinators, `superseded` when an admin added the organization
 * directly. A pending invitation has none.
 */
export const CAMPAIGN_INVITATION_OUTCOMES = ['accepted', 'declined', 'withdrawn', 'superseded'] as const;
export type CampaignInvitationOutcome = (typeof CAMPAIGN_INVITATION_OUTCOMES)[number];

/**
 * A campaign's coordinator asked another organization to join it in a role. Until that
 * organization's coordinators accept, it is not part of the campaign (campaign_organizations,
 * which is all reach is computed from): the inviters see its name, nothing more. At most one
 * pending invitation per campaign and organization (a unique partial index); decided ones stay,
 * as the record of who asked and who answered.
 */
@Entity('campaign_organization_invitations')
@Check('campaign_organization_invitations_role_check', oneOf('role', CAMPAIGN_ROLES))
@Check('campaign_organization_invitations_outcome_check', oneOf('outcome', CAMPAIGN_INVITATION_OUTCOMES))
@Check('campaign_organization_invitations_decided_check', `("outcome" IS NULL) = ("decided_at" IS NULL)`)
@Index('campaign_organization_invitations_pending_key', ['campaignId', 'organizationId'], { unique: true, where: `"decided_at" IS NULL` })
@Index('campaign_organization_invitations_organization_id_idx', ['organizationId', 'createdAt'])
export class CampaignInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('campaign_organization_invitations_campaign_id_idx')
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_organization_invitations_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  /** The organization invited. */
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'campaign_organization_invitations_organization_id_fkey' })
  organization?: Relation<Organization>;

  /** The role it is offered: `lead` or `signatory`. */
  @Column({ type: 'text' })
  role: CampaignRole;

  @Index('campaign_organization_invitations_invited_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'campaign_organization_invitations_invited_by_id_fkey' })
  invitedBy?: Relation<User> | null;

  /** The inviter's organization, kept should the person's account go. */
  @Index('campaign_organization_invitations_inviter_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  inviterOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'inviter_organization_id',
    foreignKeyConstraintName: 'campaign_organization_invitations_inviter_organization_id_fkey',
  })
  inviterOrganization?: Relation<Organization> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Index('campaign_organization_invitations_decided_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'campaign_organization_invitations_decided_by_id_fkey' })
  decidedBy?: Relation<User> | null;

  @Column({ type: 'text', nullable: true })
  outcome: CampaignInvitationOutcome | null;
}
