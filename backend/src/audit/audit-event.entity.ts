import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { User } from '../users/user.entity.js';

/**
 * Append-only record of a change: who did what to which object, before and after. Written in the
 * same transaction as the change; feeds the campaign timeline (newest first, keyset on id).
 * The key is a bigint identity, so the timeline's order is the order of writing.
 */
@Entity('audit_events')
@Index('audit_events_campaign_id_id_idx', ['campaignId', 'id'])
@Index('audit_events_subject_idx', ['subjectType', 'subjectId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'audit_events_campaign_id_fkey' })
  campaign?: Relation<Campaign> | null;

  /** Null for the system (scheduler, imports). */
  @Index('audit_events_actor_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_events_actor_id_fkey' })
  actor?: Relation<User> | null;

  /** `demand.status_changed`, `follow_up.created`, `auth.sign_in_failed`… */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  /** When it happened (for imported history, when it really happened). */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
