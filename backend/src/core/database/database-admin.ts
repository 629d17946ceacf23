import pg from 'pg';
import { DataSource } from 'typeorm';
import { addressOf, type Config } from '../config/config.js';
import { DependencyUnavailableError } from '../dependency-error.js';
import { dataSourceOptions } from './data-source-options.js';

/** Keys of the advisory locks Demarche takes (two-int form: application, purpose). */
export const LOCK_APP = 0x44656d; // "Dem"
export const LOCKS = { migrations: 1, demoData: 2 } as const;

/**
 * Creates the configured database when the server is up but the database is not there yet (a
 * fresh machine). Safe when several processes race to create it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  try {
    await withClient(databaseUrl, async () => undefined);
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw asUnavailable(databaseUrl, error); // invalid_catalog_name
  }
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (client) => {
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // duplicate_database: another process won
    }
  }).catch((error: unknown) => {
    throw (error as { code?: string }).code ? error : asUnavailable(databaseUrl, error);
  });
}

function asUnavailable(databaseUrl: string, error: unknown): Error {
  const code = (error as { code?: string }).code ?? '';
  // Connection-level failures say "unreachable"; SQL errors (auth, permissions) pass through as they are.
  if (/^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && code !== '57P03') return error as Error;
  return new DependencyUnavailableError([{ dependency: 'PostgreSQL', address: addressOf(databaseUrl, 5432), cause: error }]);
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, application_name: 'demarche-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs `work` while holding a session-level advisory lock on its own connection, so that several
 * processes starting at once (API, worker, the Compose migrate service) take turns.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, lock: number, work: () => Promise<T>): Promise<T> {
  return withClient(databaseUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_APP, lock]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_APP, lock]).catch(() => undefined);
    }
  });
}

/**
 * Applies pending migrations, all in one transaction, under the migrations advisory lock.
 * Returns the names of the migrations it applied (none when another process already did).
 */
export async function migrate(config: Pick<Config, 'databaseUrl' | 'databasePoolSize'>): Promise<string[]> {
  return withAdvisoryLock(config.databaseUrl, LOCKS.migrations, async () => {
    const dataSource = new DataSource({ ...dataSourceOptions(config), poolSize: 2 });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  });
}
