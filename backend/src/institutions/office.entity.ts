import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../core/database/columns.js';
import { Institution } from './institution.entity.js';

/**
 * The post or body a demand is addressed to (the President of the Security Council; the members
 * of the Human Rights Council). Demands target offices, not people, so they stay right when the
 * holder changes; who held the office when is in its terms.
 */
@Entity('offices')
@Index('offices_institution_id_title_key', ['institutionId', 'title'], { unique: true })
export class Office extends BaseEntity {
  @Column({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'offices_institution_id_fkey' })
  institution?: Relation<Institution>;

  @Column({ type: 'text' })
  title: string;

  /** A body of members (all Council members) rather than one officeholder. */
  @Column({ type: 'boolean', default: false })
  isCollective: boolean;

  /** Where the facts about this office come from (the letter, public record). */
  @Column({ type: 'text', nullable: true })
  source: string | null;
}
