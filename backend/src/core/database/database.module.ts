import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';

/** TypeORM on PostgreSQL. Migrations are applied before the process starts (launcher), not here. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: Config) => ({
        ...dataSourceOptions(config),
        // Fail in seconds, not minutes, when PostgreSQL is away at start.
        retryAttempts: 1,
        retryDelay: 1_000,
      }),
    }),
  ],
})
export class DatabaseModule {}
