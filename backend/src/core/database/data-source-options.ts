import './pg-types.js';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { Config } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * Settings of every connection (docs/performance.md has the measurements):
 * - JIT compilation off: PostgreSQL compiles a query whose estimated cost passes
 *   `jit_above_cost`, as the dashboard's queries on a large campaign do, and spent 15–20 ms
 *   compiling a query that then ran in a few. Short queries are all this application runs.
 * - random_page_cost 1.1 (default 4, which prices a random read as on a spinning disk): on SSDs
 *   and a cached working set, the default made the planner scan all responses (50,000 rows,
 *   15 ms) rather than look up a campaign's 767 by index (4 ms), and the scan grows with the data.
 */
export const CONNECTION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

/** The one description of how Demarche talks to PostgreSQL: API, worker, CLI and tests use it. */
export function dataSourceOptions(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'databasePoolKept'>,
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    namingStrategy: new SnakeNamingStrategy(),
    // The schema changes only through migrations, never from the entities at run time.
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is core PostgreSQL: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: config.databasePoolSize,
    connectTimeoutMS: 5_000,
    applicationName: 'demarche',
    // A connection idle for a minute is closed (pg's default is 10 s), down to the number kept
    // (`min`): bursts of reminder deliveries reuse their connections rather than open new ones.
    extra: { options: CONNECTION_OPTIONS, idleTimeoutMillis: 60_000, min: config.databasePoolKept ?? 0 },
    // TypeORM's logger writes a failed query as plain text with its parameters (user data);
    // errors reach the process's JSON log through serializeError (core/logging) instead.
    logging: false,
  };
}
