import pg from 'pg';
import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from './support/databases.js';
import { runNode } from './support/processes.js';

describe('npm run cli', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const url of created) await dropDatabase(url);
  });

  it('creates an admin and a user, creating the organization once, and prints nothing secret', async () => {
    const url = await createDatabase('demarche_cli');
    created.push(url);
    const env = { DATABASE_URL: url, REDIS_URL: inject('redisUrl'), DEMO_DATA: 'false' };
    const password = 'Operator-Chosen-Passphrase-1';
    const a = runNodeWithArgs(
      ['create-admin', '--email', 'Ops@Example.org', '--password', password, '--org', 'Coalition Secretariat'],
      env,
    );
    expect((await a.exited).code).toBe(0);
    expect(a.output()).toContain('Created admin ops@example.org in the new organization "Coalition Secretariat"');
    const m = runNodeWithArgs(
      ['create-user', '--email', 'member@example.org', '--password', password, '--org', 'Coalition Secretariat', '--role', 'member'],
      env,
    );
    expect((await m.exited).code).toBe(0);
    expect(m.output()).toContain('in the organization "Coalition Secretariat"');
    for (const run of [a, m]) expect(run.output()).not.toContain(password);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT u.email, u.role, o.name, u.password_hash FROM users u JOIN organizations o ON o.id = u.organization_id ORDER BY u.email`,
    );
    await client.end();
    expect(rows.map((r) => [r.email, r.role, r.name])).toEqual([
      ['member@example.org', 'member', 'Coalition Secretariat'],
      ['ops@example.org', 'admin', 'Coalition Secretariat'],
    ]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses bad usage with exit 2 and a message, and a duplicate e-mail', async () => {
    const url = await createDatabase('demarche_cli');
    created.push(url);
    const env = { DATABASE_URL: url, REDIS_URL: inject('redisUrl') };
    const noRole = runNodeWithArgs(['create-user', '--email', 'a@example.org', '--password', 'long enough passphrase', '--org', 'X'], env);
    expect((await noRole.exited).code).toBe(2);
    expect(noRole.output()).toContain('usage:');
    const asAdmin = runNodeWithArgs(
      ['create-user', '--email', 'a@example.org', '--password', 'long enough passphrase', '--org', 'X', '--role', 'admin'],
      env,
    );
    expect((await asAdmin.exited).code).toBe(2);
    const short = runNodeWithArgs(['create-admin', '--email', 'a@example.org', '--password', 'short', '--org', 'X'], env);
    expect((await short.exited).code).toBe(2);
    expect(short.output()).toContain('the password must be 12–256 characters');
    const ok = runNodeWithArgs(['create-admin', '--email', 'a@example.org', '--password', 'long enough passphrase', '--org', 'X'], env);
    expect((await ok.exited).code).toBe(0);
    const again = runNodeWithArgs(['create-admin', '--email', 'a@example.org', '--password', 'long enough passphrase', '--org', 'X'], env);
    expect((await again.exited).code).toBe(2);
    expect(again.output()).toContain('exists already');
  });
});

function runNodeWithArgs(args: string[], env: NodeJS.ProcessEnv) {
  return runNode(['dist/cli/index.js', ...args], env);
}
