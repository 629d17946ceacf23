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
export const CONNECTION_OPTIONS =
  '-c jit=off -c random_page_cost=1.1' +
  // A client that vanishes (power loss, a network partition) must not hold its locks for the two
  // hours PostgreSQL's defaults take to notice: the server probes an idle connection after 30 s
  // and drops it after 3 unanswered probes 10 s apart, and ends a transaction left idle for
  // 5 minutes — far longer than any of ours is idle (none waits on the network inside one but the
  // notification e-mail's send, bounded by the mailer's timeouts of 10–20 s a step; ADR 0018).
  ' -c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3' +
  ' -c idle_in_transaction_session_timeout=300000';

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
    // keepAlive: the client side notices a vanished server too.
    extra: { options: CONNECTION_OPTIONS, idleTimeoutMillis: 60_000, min: config.databasePoolKept ?? 0, keepAlive: true },
    // TypeORM's logger writes a failed query as plain text with its parameters (user data);
    // errors reach the process's JSON log through serializeError (core/logging) instead.
    logging: false,
  };
}
