import { DEMAND_STATUSES, type DemandStatus } from '@demarche/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { oneOf } from '../core/database/columns.js';
import { Demand } from '../demands/demand.entity.js';
import { Response } from '../responses/response.entity.js';
import { User } from '../users/user.entity.js';

export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A status move proposed by a member with a response. It waits for a coordinator of a lead
 * organization to confirm (the demand moves) or reject it; both are recorded.
 */
@Entity('demand_status_proposals')
@Check('demand_status_proposals_to_status_check', oneOf('to_status', DEMAND_STATUSES))
@Check('demand_status_proposals_status_check', oneOf('status', PROPOSAL_STATUSES))
@Index('demand_status_proposals_demand_id_status_idx', ['demandId', 'status'])
export class StatusProposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  demandId: string;

  @ManyToOne(() => Demand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'demand_status_proposals_demand_id_fkey' })
  demand?: Relation<Demand>;

  @Index('demand_status_proposals_response_id_idx')
  @Column({ type: 'uuid', nullable: true })
  responseId: string | null;

  @ManyToOne(() => Response, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'demand_status_proposals_response_id_fkey' })
  response?: Relation<Response> | null;

  @Column({ type: 'text' })
  toStatus: DemandStatus;

  @Column({ type: 'text', default: 'pending' })
  status: ProposalStatus;

  @Index('demand_status_proposals_proposed_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  proposedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_id', foreignKeyConstraintName: 'demand_status_proposals_proposed_by_id_fkey' })
  proposedBy?: Relation<User> | null;

  @Index('demand_status_proposals_decided_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'demand_status_proposals_decided_by_id_fkey' })
  decidedBy?: Relation<User> | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
