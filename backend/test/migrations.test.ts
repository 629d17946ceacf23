import pg from 'pg';
import { DataSource } from 'typeorm';
import { OPEN_FOLLOW_UP_STATUSES } from '@demarche/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/core/database/data-source-options.js';
import { migrate } from '../src/core/database/database-admin.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { SystemNotes1796700000000 } from '../src/migrations/1796700000000-SystemNotes.js';
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

  it('turn the notes the system wrote in English into keys with parameters, and back', async () => {
    const dataSource = new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 2 }));
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    const migration = new SystemNotes1796700000000();
    try {
      const [organization] = await runner.query(`INSERT INTO organizations (name) VALUES ('Notes organization') RETURNING id`);
      const [user] = await runner.query(
        `INSERT INTO users (email, display_name, organization_id, role, password_hash) VALUES ('notes@example.org', 'Coordinator', $1, 'coordinator', 'x') RETURNING id`,
        [organization.id],
      );
      const [institution] = await runner.query(`INSERT INTO institutions (name, seat_time_zone) VALUES ('Notes body', 'UTC') RETURNING id`);
      const [office] = await runner.query(`INSERT INTO offices (institution_id, title) VALUES ($1, 'President') RETURNING id`, [
        institution.id,
      ]);
      const [campaign] = await runner.query(`INSERT INTO campaigns (title, status) VALUES ('Notes campaign', 'active') RETURNING id`);
      const [demand] = await runner.query(
        `INSERT INTO demands (campaign_id, office_id, text, category, status, position) VALUES ($1, $2, 'Ask', 'statement', 'sent', 0) RETURNING id`,
        [campaign.id, office.id],
      );
      await migration.down(runner);
      const written: [string | null, string][] = [
        [null, 'The deadline passed with no response.'],
        [user.id, 'Confirmed a proposed move (proposed by Ana (Cristosal))'],
        [user.id, 'Confirmed a proposed move'],
        [user.id, 'Response of 2025-05-02: The office acknowledged receipt\nand asked (politely) for time'],
        [user.id, 'The deadline passed with no response.'], // a person's words, whatever they say
      ];
      for (const [index, [actor, note]] of written.entries()) {
        await runner.query(
          `INSERT INTO demand_status_changes (demand_id, from_status, to_status, note, actor_id, changed_at)
           VALUES ($1, 'sent', 'acknowledged', $2, $3, $4)`,
          [demand.id, note, actor, new Date(Date.UTC(2025, 4, 1 + index))],
        );
      }
      const read = () =>
        runner.query(`SELECT note, note_key, note_params FROM demand_status_changes WHERE demand_id = $1 ORDER BY changed_at`, [demand.id]);

      await migration.up(runner);
      expect(await read()).toEqual([
        { note: null, note_key: 'deadline_passed', note_params: {} },
        { note: null, note_key: 'proposal_confirmed', note_params: { proposer: 'Ana (Cristosal)' } },
        { note: null, note_key: 'proposal_confirmed_unnamed', note_params: {} },
        {
          note: null,
          note_key: 'response_logged',
          note_params: { receivedOn: '2025-05-02', summary: 'The office acknowledged receipt\nand asked (politely) for time' },
        },
        { note: 'The deadline passed with no response.', note_key: null, note_params: null },
      ]);

      await migration.down(runner);
      expect(
        (await runner.query(`SELECT note FROM demand_status_changes WHERE demand_id = $1 ORDER BY changed_at`, [demand.id])).map(
          (r: { note: string }) => r.note,
        ),
      ).toEqual(written.map(([, note]) => note));
      await migration.up(runner);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});
