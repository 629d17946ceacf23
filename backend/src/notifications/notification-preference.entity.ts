import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { DIGEST_MODES, type ChannelChoice, type DigestMode } from '@demarche/shared';
import { oneOf } from '../core/database/columns.js';
import { User } from '../users/user.entity.js';

/**
 * One person's choices about notifications. No row means the defaults (shared/notifications.ts):
 * the row is written on the first change. Time zone and language live on the user.
 */
@Entity('notification_preferences')
@Check('notification_preferences_digest_check', oneOf('digest', DIGEST_MODES))
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_preferences_user_id_fkey' })
  user?: Relation<User>;

  /** Per kind, the channels chosen; kinds not listed take the defaults. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  channels: Partial<Record<string, Partial<ChannelChoice>>>;

  /** `daily`: e-mails wait for one digest at 08:00 local time instead of going one by one. */
  @Column({ type: 'text', default: 'off' })
  digest: DigestMode;

  /** Campaigns this person hears nothing about (no e-mail, nothing in the dashboard). */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  mutedCampaignIds: string[];

  /** The local date of the last digest sent, so each day has at most one. */
  @Column({ type: 'date', nullable: true })
  lastDigestOn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
