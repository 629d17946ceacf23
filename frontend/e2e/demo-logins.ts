import { readFileSync } from 'node:fs';

export type DemoRole = 'admin' | 'coordinator' | 'member' | 'observer';

export interface DemoLogin {
  readonly role: DemoRole;
  readonly email: string;
  readonly password: string;
}

/**
 * The demo accounts the server writes at first start, from the file named by E2E_DEMO_LOGINS:
 * `#` comment lines, a `role email password` header, then one whitespace-separated line per
 * account.
 */
export function parseDemoLogins(text: string): Map<DemoRole, DemoLogin> {
  const logins = new Map<DemoRole, DemoLogin>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [role, email, password, ...rest] = trimmed.split(/\s+/);
    if (role === 'role' && email === 'email') continue; // the header
    if (!isRole(role) || !email || !password || rest.length > 0) {
      throw new Error(`Unexpected line in the demo logins file: "${trimmed.replace(/\S+$/, '<password>')}"`);
    }
    logins.set(role, { role, email, password });
  }
  return logins;
}

let cache: Map<DemoRole, DemoLogin> | undefined;

/** The demo account of `role`; fails with a clear message when E2E_DEMO_LOGINS is missing. */
export function demoLogin(role: DemoRole): DemoLogin {
  if (!cache) {
    const path = process.env['E2E_DEMO_LOGINS'];
    if (!path) {
      throw new Error('E2E_DEMO_LOGINS is not set: point it at the demo logins file the server writes at first start (DEMO_LOGINS_FILE).');
    }
    cache = parseDemoLogins(readFileSync(path, 'utf8'));
  }
  const login = cache.get(role);
  if (!login) throw new Error(`No "${role}" account in the demo logins file.`);
  return login;
}

function isRole(value: string | undefined): value is DemoRole {
  return value === 'admin' || value === 'coordinator' || value === 'member' || value === 'observer';
}
