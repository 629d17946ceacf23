import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import type { AuthUser } from './auth-context.js';
import { AUTH_USER_ACTIVE, AUTH_USER_COLUMNS, toAuthUser, type AuthUserRow } from './auth-user.js';
import { newToken, tokenHash } from './secrets.js';
import { Session } from './session.entity.js';

/** How often a session's last-seen time is written (not on every request). */
const TOUCH_EVERY_MS = 60_000;

interface ResolvedRow extends AuthUserRow {
  session_id?: string;
  token_id?: string;
  last_seen?: Date;
}

/**
 * Server-side sessions and API tokens: creating, resolving (one query each), ending. The CSRF
 * token of a session is derived from its secret token, so it needs no storage and dies with it.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Starts a session; returns the cookie's token (never stored) and its CSRF token. */
  async create(
    userId: string,
    userAgent: string | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = newToken();
    const now = Date.now();
    const expiresAt = new Date(now + this.config.sessionMaxHours * 3_600_000);
    const idleExpiresAt = new Date(Math.min(expiresAt.getTime(), now + this.config.sessionIdleMinutes * 60_000));
    await manager.insert(Session, {
      userId,
      tokenHash: tokenHash(token),
      lastSeenAt: new Date(now),
      idleExpiresAt,
      expiresAt,
      userAgent: userAgent ? userAgent.slice(0, 200) : null,
    });
    return { token, csrfToken: csrfTokenFor(token), expiresAt };
  }

  /** The user behind a session token, if the session is live and the user and organization active. */
  async resolveSession(token: string): Promise<{ user: AuthUser; sessionId: string; csrfToken: string } | null> {
    const rows: ResolvedRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at AS last_seen, ${AUTH_USER_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now() AND ${AUTH_USER_ACTIVE}`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen!).getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.query(
        `UPDATE sessions SET last_seen_at = now(), idle_expires_at = LEAST(expires_at, now() + make_interval(mins => $2)) WHERE id = $1`,
        [row.session_id, this.config.sessionIdleMinutes],
      );
    }
    return { user: toAuthUser(row), sessionId: row.session_id!, csrfToken: csrfTokenFor(token) };
  }

  /** The user behind an API token, if it is neither revoked nor expired. */
  async resolveApiToken(token: string): Promise<{ user: AuthUser; tokenId: string } | null> {
    const rows: ResolvedRow[] = await this.dataSource.query(
      `SELECT t.id AS token_id, t.last_used_at AS last_seen, ${AUTH_USER_COLUMNS}
       FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organizations o ON o.id = u.organization_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND ${AUTH_USER_ACTIVE}`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_seen || Date.now() - new Date(row.last_seen).getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.token_id]);
    }
    return { user: toAuthUser(row), tokenId: row.token_id! };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Ends every session of a user (password change or reset, disable, "sign out everywhere"). */
  async revokeAllForUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** Ends every session of every user of an organization (the organization was disabled). */
  async revokeAllForOrganization(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE organization_id = $1)`,
      [organizationId],
    );
  }
}

/** The synchronizer token of a session: a one-way function of its secret token. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`demarche-csrf:${sessionToken}`).digest('base64url');
}
