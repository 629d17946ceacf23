import { CAMPAIGN_STATUSES, type CampaignStatus, type ReminderPolicy } from '@demarche/shared';
import { Check, Column, Entity, OneToMany, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { CampaignOrganization } from './campaign-organization.entity.js';

/** One coordinated push: a letter, its addressees' demands, and everything that follows. */
@Entity('campaigns')
@Check('campaigns_status_check', oneOf('status', CAMPAIGN_STATUSES))
@Check('campaigns_letter_language_check', `"letter_language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'`)
export class Campaign extends BaseEntity {
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  /** The letter as sent, verbatim. */
  @Column({ type: 'text', default: '' })
  letterText: string;

  @Column({ type: 'date', nullable: true })
  letterDate: string | null;

  /** The letter's language, as a language tag (`es`, `pt-BR`); null: not said. */
  @Column({ type: 'text', nullable: true })
  letterLanguage: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: CampaignStatus;

  @Column({ type: 'boolean', default: false })
  isExample: boolean;

  /** Overrides the default reminder policy (shared/reminders.ts) for this campaign; null: the default. */
  @Column({ type: 'jsonb', nullable: true })
  reminderPolicy: ReminderPolicy | null;

  @OneToMany(() => CampaignOrganization, (link) => link.campaign)
  organizations?: Relation<CampaignOrganization[]>;
}
