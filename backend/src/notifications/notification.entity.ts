import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { User } from '../users/user.entity.js';

/** An in-app notification for one person. `dedupeKey` makes each event land at most once. */
@Entity('notifications')
@Index('notifications_user_id_created_at_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_unread_idx', ['userId'], { where: `"read_at" IS NULL` })
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
