import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../users/user.entity.js';

/**
 * A known device: a browser that signed in as this user, recognized by the random token of its
 * device cookie. Only the token's SHA-256 is stored. Known for a year after it was last seen;
 * forgotten when the password is changed or reset (docs/adr/0016-sign-in-limits-and-known-devices.md).
 */
@Entity('known_devices')
export class KnownDevice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('known_devices_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'known_devices_user_id_fkey' })
  user?: Relation<User>;

  @Index('known_devices_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  /** The browser's User-Agent at its last sign-in, trimmed; shown to the user, never trusted. */
  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The last successful sign-in from this device. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;
}
