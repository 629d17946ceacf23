import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../core/database/columns.js';
import { Office } from './office.entity.js';

/** Who held an office from when until when. Open or unknown ends are null. */
@Entity('officeholder_terms')
@Check('officeholder_terms_dates_check', `"ends_on" IS NULL OR "starts_on" IS NULL OR "ends_on" >= "starts_on"`)
export class OfficeholderTerm extends BaseEntity {
  @Index('officeholder_terms_office_id_idx')
  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id', foreignKeyConstraintName: 'officeholder_terms_office_id_fkey' })
  office?: Relation<Office>;

  @Column({ type: 'text' })
  holderName: string;

  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
