import './pg-types.js';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { Config } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * Settings of every connection. JIT compilation off: PostgreSQL compiles a query whose estimated
 * cost passes `jit_above_cost`, which the dashboard's queries on a large campaign do, and spends
 * 15–20 ms compiling a query that then runs in a few (docs/performance.md). Short queries are
 * all this application runs.
 */
export const CONNECTION_OPTIONS = '-c jit=off';

/** The one description of how Demarche talks to PostgreSQL: API, worker, CLI and tests use it. */
export function dataSourceOptions(config: Pick<Config, 'databaseUrl' | 'databasePoolSize'>): PostgresDataSourceOptions {
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
    extra: { options: CONNECTION_OPTIONS },
    logging: ['error'],
  };
}
