import { ORGANIZATION_KINDS, type OrganizationKind } from '@demarche/shared';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';

/** A coalition member. Users belong to one; campaigns are signed and led by organizations. */
@Entity('organizations')
@Check('organizations_kind_check', oneOf('kind', ORGANIZATION_KINDS))
export class Organization extends BaseEntity {
  @Index('organizations_name_key', { unique: true })
  @Column({ type: 'text' })
  name: string;

  /** ISO 3166-1 alpha-2, when known. */
  @Column({ type: 'text', nullable: true })
  country: string | null;

  @Column({ type: 'text', default: 'ngo' })
  kind: OrganizationKind;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  /** Demo or example data, shown as such in the dashboard. */
  @Column({ type: 'boolean', default: false })
  isExample: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
