import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DemoLogin } from './demo-data.loader.js';

/**
 * Writes the demo accounts' passwords to a file only its owner can read (0600, in a 0700
 * folder). The console names the file, never a password. Format: a comment, a header, then one
 * whitespace-separated line per account (role, e-mail, password).
 */
export function writeDemoLogins(path: string, logins: DemoLogin[], now = new Date()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const width = Math.max(...logins.map((l) => l.email.length), 5) + 2;
  const lines = [
    `# Demarche demo logins, created ${now.toISOString()}. Example accounts for trying the product.`,
    '# Anyone who can read this file can sign in as them: delete it, or disable these accounts, before real use.',
    `${'role'.padEnd(13)}${'email'.padEnd(width)}password`,
    ...logins.map((l) => `${l.role.padEnd(13)}${l.email.padEnd(width)}${l.password}`),
  ];
  writeFileSync(path, lines.join('\n') + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
}
