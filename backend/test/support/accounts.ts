import type { Role } from '@demarche/shared';
import pg from 'pg';
import { inject } from 'vitest';
import { hashPassword } from '../../src/core/auth/passwords.js';
import { uniqueName } from './databases.js';
import { json, type JsonBody } from './http.js';

export const PASSWORD = 'correct horse battery staple';

/** A direct connection to the run's database, for arranging and checking state. */
export async function withDb<T>(work: (client: pg.Client) => Promise<T>, url = inject('databaseUrl')): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let hashed: Promise<string> | null = null;

export interface TestUser {
  id: string;
  email: string;
  organizationId: string;
  role: Role;
}

/** Creates an organization (or reuses one by name) and a user with PASSWORD. */
export async function createUser(
  role: Role,
  options: { organization?: string; locale?: 'en' | 'es'; email?: string } = {},
): Promise<TestUser> {
  hashed ??= hashPassword(PASSWORD);
  const hash = await hashed;
  const email = options.email ?? `${uniqueName(role)}@example.org`.toLowerCase();
  const organization = options.organization ?? uniqueName('Org');
  return withDb(async (db) => {
    const org = await db.query(
      `INSERT INTO organizations (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [organization],
    );
    const user = await db.query(
      `INSERT INTO users (email, display_name, organization_id, role, password_hash, locale) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [email, `Test ${role}`, org.rows[0].id, role, hash, options.locale ?? 'en'],
    );
    return { id: user.rows[0].id, email, organizationId: org.rows[0].id, role };
  });
}

/** A signed-in browser: its session cookie and CSRF token. */
export interface Browser {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

export function cookieOf(response: Response): { pair: string; header: string } | null {
  const header = response.headers.getSetCookie().find((c) => c.includes('demarche_session='));
  if (!header) return null;
  return { pair: header.split(';')[0]!, header };
}

export async function signIn(baseUrl: string, email: string, password = PASSWORD): Promise<Browser> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const body = await json(response);
  const cookie = cookieOf(response)!;
  return { cookie: cookie.pair, setCookie: cookie.header, csrfToken: body.csrfToken };
}

/** A request as a signed-in browser (cookie + CSRF header) or with a Bearer token. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  as: Browser | { bearer: string } | null,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: JsonBody; headers: Headers; response: Response }> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (as && 'bearer' in as) headers.authorization = `Bearer ${as.bearer}`;
  else if (as) {
    headers.cookie = as.cookie;
    if (!['GET', 'HEAD'].includes(method) && !('x-csrf-token' in extraHeaders)) headers['x-csrf-token'] = as.csrfToken;
  }
  const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as JsonBody) : null, headers: response.headers, response };
}
