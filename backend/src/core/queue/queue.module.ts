import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { redisOptions } from '../redis/redis-options.js';
import { QUEUES } from './queues.js';

/**
 * BullMQ wiring shared by both processes. The API only adds jobs; the worker also processes
 * them (worker.module.ts). Keys live under `<REDIS_PREFIX>:q`.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: Config) => ({
        // BullMQ needs maxRetriesPerRequest: null on its blocking connections.
        connection: redisOptions(config.redisUrl, { maxRetriesPerRequest: null }),
        prefix: `${config.redisPrefix}:q`,
      }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  exports: [BullModule],
})
export class QueueModule {}
