import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { newToken, tokenHash } from './secrets.js';

/** A device stays known this long after its last successful sign-in (the cookie is renewed then). */
export const KNOWN_DEVICE_DAYS = 365;
/** Devices kept per person; the least recently seen go first. */
export const KNOWN_DEVICES_PER_USER = 20;
/** Enough of a User-Agent to tell devices apart in a list. */
const USER_AGENT_MAX = 200;

/** A device remembered after a successful sign-in: the cookie's token and when it lapses. */
export interface RememberedDevice {
  token: string;
  expiresAt: Date;
  /** False when the browser was already a known device of this person (the sign-in alert's test). */
  known: boolean;
}

/**
 * Known devices, defined once (docs/adr/0016-sign-in-limits-and-known-devices.md): a device is
 * known for user U when it presents a device cookie whose token's hash is stored for U and was
 * seen within KNOWN_DEVICE_DAYS. The sign-in limits exempt known devices from the per-account
 * limit; sign-in alerts and the sessions list reuse the same notion.
 */
@Injectable()
export class KnownDevicesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The known device of the account with this (normalized) e-mail that `token` names, or null. */
  async find(email: string, token: string | undefined): Promise<{ id: string } | null> {
    if (!token) return null;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM known_devices d JOIN users u ON u.id = d.user_id
       WHERE d.token_hash = $1 AND u.email = $2 AND d.last_seen_at > now() - make_interval(days => $3)`,
      [tokenHash(token), email, KNOWN_DEVICE_DAYS],
    );
    return rows[0] ? { id: rows[0].id } : null;
  }

  /**
   * After a successful sign-in: the presented token, if it names a known device of this user, is
   * kept and its last-seen time moved; otherwise a new token is issued (a browser is a known device
   * of the last person who signed in on it). Keeps the newest KNOWN_DEVICES_PER_USER of the user.
   */
  async remember(
    userId: string,
    presented: string | undefined,
    userAgent: string | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RememberedDevice> {
    const agent = userAgent ? userAgent.trim().slice(0, USER_AGENT_MAX) : null;
    const expiresAt = new Date(Date.now() + KNOWN_DEVICE_DAYS * 86_400_000);
    if (presented) {
      const touched: unknown[] = await manager.query(
        `UPDATE known_devices SET last_seen_at = now(), user_agent = $3
         WHERE token_hash = $1 AND user_id = $2 AND last_seen_at > now() - make_interval(days => $4) RETURNING id`,
        [tokenHash(presented), userId, agent, KNOWN_DEVICE_DAYS],
      );
      if (touched.length > 0) return { token: presented, expiresAt, known: true };
      // The cookie named another person's device (or a lapsed one): it is about to be replaced.
      await manager.query(`DELETE FROM known_devices WHERE token_hash = $1`, [tokenHash(presented)]);
    }
    const token = newToken();
    await manager.query(`INSERT INTO known_devices (user_id, token_hash, user_agent) VALUES ($1, $2, $3)`, [
      userId,
      tokenHash(token),
      agent,
    ]);
    await manager.query(
      `DELETE FROM known_devices WHERE user_id = $1 AND (last_seen_at <= now() - make_interval(days => $2) OR id NOT IN (
         SELECT id FROM known_devices WHERE user_id = $1 ORDER BY last_seen_at DESC, created_at DESC LIMIT $3))`,
      [userId, KNOWN_DEVICE_DAYS, KNOWN_DEVICES_PER_USER],
    );
    return { token, expiresAt, known: false };
  }

  /** A new password starts over: every device of the user is new again. */
  async forgetAll(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM known_devices WHERE user_id = $1`, [userId]);
  }
}
