import { FOLLOW_UP_STATUSES, OPEN_FOLLOW_UP_STATUSES, type FollowUpStatus } from '@demarche/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { sqlList } from '../core/database/sql-filters.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Demand } from '../demands/demand.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Response } from '../responses/response.entity.js';
import { User } from '../users/user.entity.js';

/** `f.status IN ${OPEN_FOLLOW_UPS}`: the follow-ups still to do, as `isFollowUpOpen` says (shared). */
export const OPEN_FOLLOW_UPS = sqlList(OPEN_FOLLOW_UP_STATUSES);

/** An action assigned to a member organization (optionally one person in it), due at an instant. */
@Entity('follow_ups')
@Check('follow_ups_status_check', oneOf('status', FOLLOW_UP_STATUSES))
@Index('follow_ups_campaign_id_due_at_idx', ['campaignId', 'dueAt'])
@Index('follow_ups_organization_id_due_at_idx', ['organizationId', 'dueAt'])
// The work still to do, which the dashboard counts and lists; done and cancelled ones pile up.
@Index('follow_ups_open_campaign_id_due_at_idx', ['campaignId', 'dueAt'], { where: `"status" IN ${OPEN_FOLLOW_UPS}` })
// The escalation sweep's candidates: open work, oldest due first, across campaigns.
@Index('follow_ups_open_due_at_idx', ['dueAt'], { where: `"status" IN ${OPEN_FOLLOW_UPS}` })
export class FollowUp extends BaseEntity {
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'follow_ups_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @Index('follow_ups_demand_id_idx')
  @Column({ type: 'uuid', nullable: true })
  demandId: string | null;

  @ManyToOne(() => Demand, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'follow_ups_demand_id_fkey' })
  demand?: Relation<Demand> | null;

  @Index('follow_ups_response_id_idx')
  @Column({ type: 'uuid', nullable: true })
  responseId: string | null;

  @ManyToOne(() => Response, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'follow_ups_response_id_fkey' })
  response?: Relation<Response> | null;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'follow_ups_organization_id_fkey' })
  organization?: Relation<Organization>;

  @Index('follow_ups_assignee_id_idx')
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'follow_ups_assignee_id_fkey' })
  assignee?: Relation<User> | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  details: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  dueTimeZone: string;

  @Column({ type: 'text', default: 'open' })
  status: FollowUpStatus;

  @Column({ type: 'text', nullable: true })
  completionNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  isExample: boolean;

  /**
   * How far escalation has gone (follow-ups/follow-up-escalation.ts, `FollowUpEscalation.escalateOverdue`): the last level
   * recorded, and the due time it was counted from. A new due time starts again from level 1;
   * the sweep only picks follow-ups whose current level is past this one, so none waits behind
   * those already escalated.
   */
  @Column({ type: 'integer', nullable: true })
  escalatedLevel: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedDueAt: Date | null;

  @Index('follow_ups_created_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'follow_ups_created_by_id_fkey' })
  createdBy?: Relation<User> | null;
}
