import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { oneOf } from '../core/database/columns.js';
import { User } from '../users/user.entity.js';

export const REMINDER_SUBJECTS = ['follow_up', 'demand'] as const;
export type ReminderSubject = (typeof REMINDER_SUBJECTS)[number];
export const REMINDER_STATUSES = ['pending', 'sent', 'cancelled', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/**
 * One reminder to one person about one deadline, at one instant. PostgreSQL holds the whole
 * schedule (DESIGN.md, "Reminders"): rows are written, replaced or cancelled in the same
 * transaction as the change that makes them due; the worker moves those due soon into BullMQ.
 */
@Entity('reminders')
@Check('reminders_subject_type_check', oneOf('subject_type', REMINDER_SUBJECTS))
@Check('reminders_status_check', oneOf('status', REMINDER_STATUSES))
@Check('reminders_kind_check', oneOf('kind', ['before', 'due', 'overdue']))
@Index('reminders_subject_idx', ['subjectType', 'subjectId'])
@Index('reminders_pending_fire_at_idx', ['fireAt'], { where: `"status" = 'pending'` })
@Index('reminders_unqueued_fire_at_idx', ['fireAt', 'id'], { where: `"status" = 'pending' AND "queued_at" IS NULL` })
@Index('reminders_failed_idx', ['updatedAt'], { where: `"status" = 'failed'` })
@Index('reminders_pending_key', ['subjectType', 'subjectId', 'recipientId', 'kind', 'offsetDays'], {
  unique: true,
  where: `"status" = 'pending'`,
})
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  subjectType: ReminderSubject;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Index('reminders_campaign_id_idx')
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'reminders_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @Index('reminders_recipient_id_idx')
  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'reminders_recipient_id_fkey' })
  recipient?: Relation<User>;

  @Column({ type: 'text' })
  kind: 'before' | 'due' | 'overdue';

  /** Days before (positive) or after (negative) the deadline. */
  @Column({ type: 'integer' })
  offsetDays: number;

  /** The deadline this reminder was planned for; a delivery checks it is still the deadline. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz' })
  fireAt: Date;

  @Column({ type: 'text', default: 'pending' })
  status: ReminderStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /**
   * A worker's claim while it sends (ADR 0018): until this instant no other worker delivers the
   * reminder; after it, one may take over. Committed before the send, so no lock is held
   * through the network call.
   */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  /** Which claim is current: the worker that sent marks it sent only under its own token. */
  @Column({ type: 'uuid', nullable: true })
  claimToken: string | null;

  /**
   * When a sweep handed the reminder to BullMQ (ADR 0019): the next sweeps pass it by. Null again
   * when it must be handed over anew (a retry); a Redis that lost its jobs is caught by the
   * sweep's full pass, which reads every pending row whatever this says.
   */
  @Column({ type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
