import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '../core/config/config.js';
import { ConfigModule } from '../core/config/config.module.js';
import { DatabaseModule } from '../core/database/database.module.js';
import { HealthModule } from '../core/health/health.module.js';
import { LoggingModule } from '../core/logging/logging.module.js';
import { QueueModule } from '../core/queue/queue.module.js';
import { RedisModule } from '../core/redis/redis.module.js';

/** Everything the HTTP API process runs. Domain modules join here as they arrive. */
@Module({})
export class ApiModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config, 'api'), DatabaseModule, RedisModule, QueueModule, HealthModule],
    };
  }
}
