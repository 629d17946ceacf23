import type { AuthUser } from './auth-context.js';

/** A users ⨝ organizations row, selected with AUTH_USER_COLUMNS (aliases u and o). */
export interface AuthUserRow {
  id: string;
  email: string;
  display_name: string;
  role: AuthUser['role'];
  organization_id: string;
  organization_name: string;
  locale: AuthUser['locale'];
  time_zone: string;
}

export const AUTH_USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.organization_id, o.name AS organization_name, u.locale, u.time_zone`;

/** A user may act while neither they nor their organization is disabled. */
export const AUTH_USER_ACTIVE = `u.disabled_at IS NULL AND o.disabled_at IS NULL`;

export function toAuthUser(row: AuthUserRow): AuthUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    locale: row.locale,
    timeZone: row.time_zone,
  };
}

/** Loads one user as an AuthUser (whether active or not). */
export async function loadAuthUser(db: { query: (sql: string, params: unknown[]) => Promise<unknown> }, userId: string): Promise<AuthUser> {
  const rows = (await db.query(
    `SELECT ${AUTH_USER_COLUMNS} FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1`,
    [userId],
  )) as AuthUserRow[];
  if (!rows[0]) throw new Error(`user ${userId} not found`);
  return toAuthUser(rows[0]);
}
