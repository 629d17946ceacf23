import pg from 'pg';
import { DataSource } from 'typeorm';
import { OPEN_FOLLOW_UP_STATUSES } from '@demarche/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/core/database/data-source-options.js';
import { migrate } from '../src/core/database/database-admin.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { createDatabase, dropDatabase } from './support/databases.js';

describe('migrations', () => {
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createDatabase('demarche_migrations');
  });
  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  it('apply concurrently from two processes without error, once', async () => {
    const [a, b] = await Promise.all([migrate({ databaseUrl, databasePoolSize: 2 }), migrate({ databaseUrl, databasePoolSize: 2 })]);
    // One of them applied everything; the other waited for the lock and found nothing to do.
    expect([a.length, b.length].sort()).toEqual([0, MIGRATIONS.length]);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT name FROM schema_migrations');
    await client.end();
    expect(rows).toHaveLength(MIGRATIONS.length);
  });

  it('agree with the entities: the schema builder finds nothing to change', async () => {
    const dataSource = new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 2 }));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("index open follow-ups by shared's list of open statuses, so a status added there needs a migration", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string; predicate: string }>(`
      SELECT c.relname AS name, pg_get_expr(i.indpred, i.indrelid) AS predicate
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'follow_ups'::regclass AND c.relname LIKE 'follow\\_ups\\_open\\_%'`);
    await client.end();
    expect(rows.map((r) => r.name).sort()).toEqual(['follow_ups_open_campaign_id_due_at_idx', 'follow_ups_open_due_at_idx']);
    for (const { predicate } of rows) {
      // PostgreSQL writes IN ('a', 'b') as status = ANY (ARRAY['a'::text, 'b'::text]).
      expect([...predicate.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1])).toEqual([...OPEN_FOLLOW_UP_STATUSES]);
    }
  });

  it('index every foreign key', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // A foreign key is covered when some index starts with exactly its columns.
    const { rows } = await client.query<{ constraint: string }>(`
      SELECT c.conname AS constraint
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (
          SELECT 1 FROM pg_index i
          WHERE i.indrelid = c.conrelid
            AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey
        )`);
    const { rows: fks } = await client.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    await client.end();
    expect(fks[0].n).toBeGreaterThan(20);
    expect(rows.map((r) => r.constraint)).toEqual([]);
  });

  it('store every timestamp as timestamptz', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    await client.end();
    expect(rows).toEqual([]);
  });

  it('can be reverted and applied again', async () => {
    const dataSource = new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 2 }));
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'all' });
      const tables = await dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
    expect(await migrate({ databaseUrl, databasePoolSize: 2 })).toHaveLength(MIGRATIONS.length);
  });
});
