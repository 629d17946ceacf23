import {
  DEMAND_CATEGORIES,
  DEMAND_PRIORITIES,
  DEMAND_STATUSES,
  DEMAND_STATUSES_AWAITING_ANSWER,
  type DemandCategory,
  type DemandPriority,
  type DemandStatus,
} from '@demarche/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { sqlList } from '../core/database/sql-filters.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Office } from '../institutions/office.entity.js';
import { OfficeholderTerm } from '../institutions/officeholder-term.entity.js';
import { Milestone } from '../milestones/milestone.entity.js';
import { Response } from '../responses/response.entity.js';

/** `d.status IN ${AWAITING_ANSWER}`: the demands still waiting on the institution, as `isDemandAwaitingAnswer` says (shared). */
export const AWAITING_ANSWER = sqlList(DEMAND_STATUSES_AWAITING_ANSWER);

/**
 * What a campaign asks of one office, in the letter's words. The deadline is an instant with the
 * zone it is stated in; when it follows a milestone or the end of a term, `deadlineAt` is kept
 * equal to the end of that day in `deadlineTimeZone`.
 */
@Entity('demands')
@Check('demands_status_check', oneOf('status', DEMAND_STATUSES))
@Check('demands_category_check', oneOf('category', DEMAND_CATEGORIES))
@Check('demands_priority_check', oneOf('priority', DEMAND_PRIORITIES))
@Check('demands_deadline_zone_check', `"deadline_at" IS NULL OR "deadline_time_zone" IS NOT NULL`)
@Index('demands_campaign_id_reference_key', ['campaignId', 'reference'], { unique: true })
@Index('demands_campaign_id_position_idx', ['campaignId', 'position'])
export class Demand extends BaseEntity {
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'demands_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @Index('demands_office_id_idx')
  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'office_id', foreignKeyConstraintName: 'demands_office_id_fkey' })
  office?: Relation<Office>;

  /** Stable short name within the campaign (`sc-emergency-meeting`), for imports and exports. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  /** Order within the campaign, as in the letter. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  category: DemandCategory;

  @Column({ type: 'text', default: 'normal' })
  priority: DemandPriority;

  @Column({ type: 'text', default: 'draft' })
  status: DemandStatus;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'text', nullable: true })
  deadlineTimeZone: string | null;

  @Index('demands_deadline_milestone_id_idx')
  @Column({ type: 'uuid', nullable: true })
  deadlineMilestoneId: string | null;

  @ManyToOne(() => Milestone, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deadline_milestone_id', foreignKeyConstraintName: 'demands_deadline_milestone_id_fkey' })
  deadlineMilestone?: Relation<Milestone> | null;

  @Index('demands_deadline_term_id_idx')
  @Column({ type: 'uuid', nullable: true })
  deadlineTermId: string | null;

  @ManyToOne(() => OfficeholderTerm, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deadline_term_id', foreignKeyConstraintName: 'demands_deadline_term_id_fkey' })
  deadlineTerm?: Relation<OfficeholderTerm> | null;

  /**
   * The latest response that answers this demand (by received day, then logging time), kept by
   * database triggers on response_demands and responses (migration LatestResponse): the
   * scorecard reads it instead of searching each demand's responses.
   */
  @Index('demands_latest_response_id_idx')
  @Column({ type: 'uuid', nullable: true })
  latestResponseId: string | null;

  @ManyToOne(() => Response, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'latest_response_id', foreignKeyConstraintName: 'demands_latest_response_id_fkey' })
  latestResponse?: Relation<Response> | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
