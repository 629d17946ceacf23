import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { loadAuthUser } from '../core/auth/auth-user.js';
import { PasswordReset } from '../core/auth/password-reset.entity.js';
import { KnownDevicesService } from '../core/auth/known-devices.service.js';
import { hashPassword, needsRehash, verifyPassword } from '../core/auth/passwords.js';
import { newToken, tokenHash } from '../core/auth/secrets.js';
import { SessionService } from '../core/auth/session.service.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { DomainError } from '../core/http/domain-error.js';
import { MailService } from '../core/mail/mail.service.js';
import { setTimeZone } from '../users/time-zone.js';
import { passwordResetMail } from './password-reset-mail.js';
import { RateLimiter } from '../core/rate-limit/rate-limiter.js';
import { User } from '../users/user.entity.js';
import type { MeDto, UpdateMeDto } from './account.dto.js';
import { inTransaction } from '../core/database/transaction.js';

const RESET_LINK_TTL_MS = 60 * 60_000;

export class LinkInvalidError extends DomainError {
  constructor() {
    super(400, 'link_invalid', 'This link has expired or was already used. Ask for a new one.');
  }
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The caller's own account: signing in, profile, password, password reset. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly rateLimiter: RateLimiter,
    private readonly devices: KnownDevicesService,
  ) {}

  /** The active user with this e-mail and password, or null. Takes the same time either way. */
  async verifyCredentials(email: string, password: string, address: string): Promise<AuthUser | null> {
    const normalized = email.trim().toLowerCase();
    const rows: { id: string; password_hash: string | null; active: boolean }[] = await this.dataSource.query(
      `SELECT u.id, u.password_hash, (u.disabled_at IS NULL AND o.disabled_at IS NULL) AS active
       FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.email = $1`,
      [normalized],
    );
    const row = rows[0];
    const ok = (await verifyPassword(row?.password_hash, password)) && row?.active === true;
    if (!ok || !row) {
      await recordAudit(this.dataSource.manager, {
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: row?.id ?? null,
        after: { email: normalized, address },
      });
      return null;
    }
    if (row.password_hash && needsRehash(row.password_hash)) {
      await this.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [row.id, await hashPassword(password)]);
    }
    return this.loadUser(row.id);
  }

  /** Records a successful sign-in and starts its session. */
  async signIn(user: AuthUser, userAgent: string | undefined, address: string): Promise<NewSession> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
      await recordAudit(manager, {
        action: 'auth.signed_in',
        subjectType: 'user',
        subjectId: user.id,
        actorId: user.id,
        after: { address },
      });
      return this.sessions.create(user.id, userAgent, manager);
    });
  }

  loadUser(userId: string): Promise<AuthUser> {
    return loadAuthUser(this.dataSource, userId);
  }

  me(user: AuthUser): MeDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organization: { id: user.organizationId, name: user.organizationName },
      locale: user.locale,
      timeZone: user.timeZone,
    };
  }

  async updateMe(user: AuthUser, changes: UpdateMeDto): Promise<MeDto> {
    const values: Partial<User> = {};
    if (changes.displayName !== undefined) values.displayName = changes.displayName.trim();
    if (changes.locale !== undefined) values.locale = changes.locale;
    if (Object.keys(values).length > 0 || changes.timeZone !== undefined) {
      await inTransaction(this.dataSource, async (manager) => {
        if (Object.keys(values).length > 0) await manager.getRepository(User).update({ id: user.id }, values);
        if (changes.timeZone !== undefined) await setTimeZone(manager, user.id, changes.timeZone);
      });
    }
    return this.me(await this.loadUser(user.id));
  }

  /**
   * Needs the current password; ends every session of the user and starts a new one for this
   * browser. Every known device is forgotten (the controller makes this browser known again).
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, userAgent: string | undefined): Promise<NewSession> {
    const [row] = (await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id])) as {
      password_hash: string | null;
    }[];
    if (!(await verifyPassword(row?.password_hash, currentPassword))) {
      throw new DomainError(400, 'wrong_password', 'The current password is not right.', [
        { field: 'currentPassword', message: 'is not right' },
      ]);
    }
    const hash = await hashPassword(newPassword);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1`, [user.id, hash]);
      await this.sessions.revokeAllForUser(user.id, manager);
      await this.devices.forgetAll(user.id, manager);
      await recordAudit(manager, { action: 'user.password_changed', subjectType: 'user', subjectId: user.id, actorId: user.id });
      return this.sessions.create(user.id, userAgent, manager);
    });
  }

  /**
   * Sends a reset link when the address belongs to an active account, and otherwise does nothing;
   * the answer is the same either way. Limited per address and per e-mail.
   */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    const normalized = email.trim().toLowerCase();
    await this.rateLimiter.consume({ bucket: 'reset-address', limit: 10, windowMs: 3_600_000 }, address, { failOpen: true });
    await this.rateLimiter.consume({ bucket: 'reset-account', limit: 5, windowMs: 3_600_000 }, normalized, { failOpen: true });
    const rows: { id: string; locale: 'en' | 'es'; time_zone: string }[] = await this.dataSource.query(
      `SELECT u.id, u.locale, u.time_zone FROM users u JOIN organizations o ON o.id = u.organization_id
       WHERE u.email = $1 AND u.disabled_at IS NULL AND o.disabled_at IS NULL`,
      [normalized],
    );
    const user = rows[0];
    if (!user) return;
    const token = newToken();
    const expiresAt = new Date(Date.now() + RESET_LINK_TTL_MS);
    const reset = await inTransaction(this.dataSource, async (manager) => {
      // A new link replaces any earlier one.
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      const saved = await manager.save(
        PasswordReset,
        manager.create(PasswordReset, { userId: user.id, tokenHash: tokenHash(token), expiresAt }),
      );
      await recordAudit(manager, { action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id, after: { address } });
      return saved;
    });
    await this.mail.send(
      normalized,
      passwordResetMail(user.locale, { link: this.mail.link('/reset-password', token), expiresAt, timeZone: user.time_zone }),
      `password-reset:${reset.id}`,
    );
  }

  /**
   * Uses a reset link once: sets the password, ends every session, forgets every known device,
   * and signs this browser in.
   */
  async confirmPasswordReset(
    token: string,
    password: string,
    userAgent: string | undefined,
  ): Promise<{ user: AuthUser; session: NewSession }> {
    const hash = await hashPassword(password);
    const { userId, session } = await inTransaction(this.dataSource, async (manager) => {
      const rows: { id: string; user_id: string }[] = await manager.query(
        `SELECT r.id, r.user_id FROM password_resets r
         JOIN users u ON u.id = r.user_id JOIN organizations o ON o.id = u.organization_id
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.disabled_at IS NULL AND o.disabled_at IS NULL
         FOR UPDATE OF r`,
        [tokenHash(token)],
      );
      const reset = rows[0];
      if (!reset) throw new LinkInvalidError();
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [reset.id]);
      await manager.query(`UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1`, [reset.user_id, hash]);
      await this.sessions.revokeAllForUser(reset.user_id, manager);
      await this.devices.forgetAll(reset.user_id, manager);
      await recordAudit(manager, { action: 'user.password_reset', subjectType: 'user', subjectId: reset.user_id, actorId: reset.user_id });
      return { userId: reset.user_id, session: await this.sessions.create(reset.user_id, userAgent, manager) };
    });
    return { user: await this.loadUser(userId), session };
  }

  async signOutEverywhere(user: AuthUser): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.sessions.revokeAllForUser(user.id, manager);
      await recordAudit(manager, { action: 'auth.signed_out_everywhere', subjectType: 'user', subjectId: user.id, actorId: user.id });
    });
  }
}
