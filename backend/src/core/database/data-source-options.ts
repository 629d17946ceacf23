import './pg-types.js';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { Config } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

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
    logging: ['error'],
  };
}
