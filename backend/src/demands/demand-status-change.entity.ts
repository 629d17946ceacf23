import { DEMAND_STATUSES, SYSTEM_NOTE_KEYS, type DemandStatus, type SystemNoteKey } from '@demarche/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { oneOf } from '../core/database/columns.js';
import { User } from '../users/user.entity.js';
import { Demand } from './demand.entity.js';

/** One move of a demand along the status machine: who, when, why. Append-only. */
@Entity('demand_status_changes')
@Check('demand_status_changes_to_status_check', oneOf('to_status', DEMAND_STATUSES))
@Check('demand_status_changes_note_key_check', oneOf('note_key', SYSTEM_NOTE_KEYS))
@Index('demand_status_changes_demand_id_changed_at_idx', ['demandId', 'changedAt'])
export class DemandStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  demandId: string;

  @ManyToOne(() => Demand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'demand_status_changes_demand_id_fkey' })
  demand?: Relation<Demand>;

  /** Null for the first status a demand is given. */
  @Column({ type: 'text', nullable: true })
  fromStatus: DemandStatus | null;

  @Column({ type: 'text' })
  toStatus: DemandStatus;

  /** What the person who made the move wrote, as they wrote it. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** A note the system wrote: its key (shared/src/system-notes.ts), worded when read. */
  @Column({ type: 'text', nullable: true })
  noteKey: SystemNoteKey | null;

  @Column({ type: 'jsonb', nullable: true })
  noteParams: Record<string, string> | null;

  /** Null when the system made the move (a deadline passing, a data import). */
  @Index('demand_status_changes_actor_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'demand_status_changes_actor_id_fkey' })
  actor?: Relation<User> | null;

  /** When the change took effect (for imported history, when it really happened). */
  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
