import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { LOCALES, type Locale } from '@demarche/shared';
import { Campaign } from '../campaigns/campaign.entity.js';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';

/**
 * Where an organization or a campaign wants its events POSTed (a Slack incoming webhook, a
 * Matrix bridge, the coalition's own system). Exactly one of organization and campaign is set.
 * The secret signs each delivery (HMAC-SHA256); it is shown once, when created or rotated.
 */
@Entity('webhooks')
@Check('webhooks_owner_check', `("organization_id" IS NULL) <> ("campaign_id" IS NULL)`)
@Check('webhooks_locale_check', oneOf('locale', LOCALES))
export class Webhook extends BaseEntity {
  @Index('webhooks_organization_id_idx')
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'webhooks_organization_id_fkey' })
  organization?: Relation<Organization> | null;

  @Index('webhooks_campaign_id_idx')
  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'webhooks_campaign_id_fkey' })
  campaign?: Relation<Campaign> | null;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  secret: string;

  /** Kinds of event sent; empty means all. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  events: string[];

  /** The language of the `text` field. */
  @Column({ type: 'text', default: 'en' })
  locale: Locale;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Index('webhooks_created_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'webhooks_created_by_id_fkey' })
  createdBy?: Relation<User> | null;
}
