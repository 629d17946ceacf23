import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../core/database/columns.js';

/** An international body (UN Secretariat, Security Council, OHCHR, Human Rights Council, OAS…). */
@Entity('institutions')
export class Institution extends BaseEntity {
  @Index('institutions_name_key', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  abbreviation: string | null;

  /** IANA zone of the seat (New York, Geneva, Washington): deadlines default to it. */
  @Column({ type: 'text' })
  seatTimeZone: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;
}
