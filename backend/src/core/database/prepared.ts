import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `text` as a named prepared statement on the connection of `manager`'s transaction, and
 * returns its rows. PostgreSQL parses and plans a named statement once per connection and reuses
 * the plan (a generic one once it is no worse than the custom ones, after five runs), where
 * `manager.query` has every run parsed and planned again.
 *
 * For the few statements run thousands of times a minute: a reminder's delivery locks its row
 * with a six-table join that took 1.2 ms to plan and 0.1 ms to run (docs/performance.md,
 * reminder punctuality). A `name` stands for one `text` only: node-postgres refuses a name
 * reused with another text on the same connection.
 */
export async function queryPrepared<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error(`prepared statement ${name}: no connection; run it inside a transaction`);
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<T & object>({ name, text, values });
  return result.rows;
}

/**
 * `queryPrepared` for a single statement outside any transaction (it commits on its own): on a
 * pooled connection, released at once.
 */
export async function queryPreparedOnce<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    return await queryPrepared<T>(runner.manager, name, text, values);
  } finally {
    await runner.release();
  }
}
