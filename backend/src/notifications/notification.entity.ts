import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { oneOf } from '../core/database/columns.js';
import type { RenderedMail } from '../core/mail/mail-layout.js';
import { User } from '../users/user.entity.js';

/**
 * How a notification's e-mail stands: `none` (the person takes no e-mail of this kind), `pending`
 * (to send now; the worker sends it, the row is its outbox), `sent`, `failed` (gave up after
 * retries), `digest` (waits for the next daily digest), `digested` (went out in one).
 */
export const EMAIL_STATUSES = ['none', 'pending', 'sent', 'failed', 'digest', 'digested'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * A notification for one person: shown in the dashboard when `inApp`, and the outbox of its
 * e-mail. `dedupeKey` makes each event land at most once per person.
 */
@Entity('notifications')
@Check('notifications_email_status_check', oneOf('email_status', EMAIL_STATUSES))
@Index('notifications_user_id_created_at_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_unread_idx', ['userId'], { where: `"read_at" IS NULL` })
@Index('notifications_email_pending_idx', ['createdAt'], { where: `"email_status" = 'pending'` })
@Index('notifications_email_failed_idx', ['emailFailedAt'], { where: `"email_status" = 'failed'` })
@Index('notifications_email_digest_idx', ['userId', 'createdAt'], { where: `"email_status" = 'digest'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: Relation<User>;

  /** `reminder`, `no_response`… */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  /** A dashboard path, e.g. /campaigns/<id>. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Index('notifications_campaign_id_idx')
  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'notifications_campaign_id_fkey' })
  campaign?: Relation<Campaign> | null;

  @Index('notifications_dedupe_key_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Shown in the dashboard (the person takes this kind in-app); false rows exist only for e-mail. */
  @Column({ type: 'boolean', default: true })
  inApp: boolean;

  @Column({ type: 'text', default: 'none' })
  emailStatus: EmailStatus;

  /** The e-mail, rendered in the recipient's language when the event happened. */
  @Column({ type: 'jsonb', nullable: true })
  mail: RenderedMail | null;

  @Column({ type: 'integer', default: 0 })
  emailAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  /** Why the last attempt to send the e-mail failed; cleared once it is sent. */
  @Column({ type: 'text', nullable: true })
  emailLastError: string | null;

  /** When the e-mail failed for good (`email_status = 'failed'`); cleared when it is retried. */
  @Column({ type: 'timestamptz', nullable: true })
  emailFailedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
