import { LOCALES, ROLES, type Locale, type Role } from '@demarche/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { Organization } from '../organizations/organization.entity.js';

/** A person who signs in: one organization, one role. Sessions and API tokens live in core/auth. */
@Entity('users')
@Check('users_role_check', oneOf('role', ROLES))
@Check('users_locale_check', oneOf('locale', LOCALES))
@Check('users_email_lowercase_check', `"email" = lower("email")`)
export class User extends BaseEntity {
  /** Stored lower-case, so uniqueness ignores case. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Index('users_organization_id_idx')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'users_organization_id_fkey' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  role: Role;

  /** IANA zone used to show dates and to time reminders. */
  @Column({ type: 'text', default: 'UTC' })
  timeZone: string;

  @Column({ type: 'text', default: 'en' })
  locale: Locale;

  @Column({ type: 'boolean', default: false })
  isExample: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** argon2id (PHC string). Null until the person sets one (invitation not yet accepted). */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;
}
