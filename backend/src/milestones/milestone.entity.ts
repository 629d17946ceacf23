import { MILESTONE_KINDS, type MilestoneKind } from '@demarche/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { Campaign } from '../campaigns/campaign.entity.js';

/**
 * A dated event on a campaign's calendar: the end of a presidency, a session's opening. Demand
 * deadlines may follow a milestone; moving it moves them.
 */
@Entity('milestones')
@Check('milestones_kind_check', oneOf('kind', MILESTONE_KINDS))
@Index('milestones_campaign_id_occurs_on_idx', ['campaignId', 'occursOn'])
export class Milestone extends BaseEntity {
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'milestones_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  /** Stable short name within the campaign (`unsc-term-end`), for imports and links. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'deadline' })
  kind: MilestoneKind;

  /** The calendar day, in `timeZone`. */
  @Column({ type: 'date' })
  occursOn: string;

  @Column({ type: 'text' })
  timeZone: string;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
