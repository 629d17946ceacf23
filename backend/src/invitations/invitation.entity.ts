import { ROLES, type Role } from '@demarche/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { oneOf } from '../core/database/columns.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';

/**
 * An invitation to join an organization with a role. The e-mailed link carries a random token;
 * only its SHA-256 is stored. Single use (`acceptedAt`), expiring, revocable.
 */
@Entity('invitations')
@Check('invitations_role_check', oneOf('role', ROLES))
@Check('invitations_email_lowercase_check', `"email" = lower("email")`)
@Index('invitations_organization_id_created_at_idx', ['organizationId', 'createdAt'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('invitations_email_idx')
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'invitations_organization_id_fkey' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  role: Role;

  @Index('invitations_invited_by_id_idx')
  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'invitations_invited_by_id_fkey' })
  invitedBy?: Relation<User> | null;

  @Index('invitations_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
