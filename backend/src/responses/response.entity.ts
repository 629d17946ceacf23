import { RESPONSE_ASSESSMENTS, RESPONSE_CHANNELS, type ResponseAssessment, type ResponseChannel } from '@demarche/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { User } from '../users/user.entity.js';
import { ResponseDemand } from './response-demand.entity.js';

/** What an institution said or did. One response can answer several demands. */
@Entity('responses')
@Check('responses_channel_check', oneOf('channel', RESPONSE_CHANNELS))
@Check('responses_assessment_check', oneOf('assessment', RESPONSE_ASSESSMENTS))
@Index('responses_campaign_id_received_on_idx', ['campaignId', 'receivedOn'])
export class Response extends BaseEntity {
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'responses_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  /** The body that answered. */
  @Index('responses_institution_id_idx')
  @Column({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'responses_institution_id_fkey' })
  institution?: Relation<Institution>;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  channel: ResponseChannel;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'text' })
  assessment: ResponseAssessment;

  @Index('responses_logged_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  loggedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'logged_by_id', foreignKeyConstraintName: 'responses_logged_by_id_fkey' })
  loggedBy?: Relation<User> | null;

  @OneToMany(() => ResponseDemand, (link) => link.response)
  answers?: Relation<ResponseDemand[]>;
}
