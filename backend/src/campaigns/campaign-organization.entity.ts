import { CAMPAIGN_ROLES, type CampaignRole } from '@demarche/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { oneOf } from '../core/database/columns.js';
import { Organization } from '../organizations/organization.entity.js';
import { Campaign } from './campaign.entity.js';

/** An organization's part in a campaign: `lead` (coordinates; also a signatory) or `signatory`. */
@Entity('campaign_organizations')
@Check('campaign_organizations_role_check', oneOf('role', CAMPAIGN_ROLES))
export class CampaignOrganization {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'campaign_organizations_pkey' })
  campaignId: string;

  @Index('campaign_organizations_organization_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'campaign_organizations_pkey' })
  organizationId: string;

  @ManyToOne(() => Campaign, (c) => c.organizations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_organizations_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'campaign_organizations_organization_id_fkey' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  role: CampaignRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
