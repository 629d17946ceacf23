import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '../core/config/config.js';
import { ConfigModule } from '../core/config/config.module.js';
import { DatabaseModule } from '../core/database/database.module.js';
import { LoggingModule } from '../core/logging/logging.module.js';
import { MaintenanceModule } from '../core/queue/maintenance.module.js';
import { QueueModule } from '../core/queue/queue.module.js';
import { REMINDER_DELIVERY_CONCURRENCY } from '../core/queue/queues.js';
import { RedisModule } from '../core/redis/redis.module.js';
import { MailWorkerModule } from '../core/mail/mail.module.js';
import { RemindersWorkerModule } from '../reminder-delivery/reminders-worker.module.js';
import { DispatchModule } from '../notifications/dispatch.module.js';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module.js';
import { WebhooksWorkerModule } from '../webhooks/webhooks-worker.module.js';

/** Everything the worker process runs: queues, their processors and schedulers. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        // The worker's own pool size (WORKER_DATABASE_POOL_SIZE) in place of the API's, keeping
        // a connection open for each reminder delivery that may run at once.
        ConfigModule.forRoot({
          ...config,
          databasePoolSize: config.workerDatabasePoolSize,
          databasePoolKept: REMINDER_DELIVERY_CONCURRENCY,
        }),
        LoggingModule.forRoot(config, 'worker'),
        DatabaseModule,
        RedisModule,
        QueueModule,
        MaintenanceModule,
        MailWorkerModule,
        DispatchModule,
        RemindersWorkerModule,
        NotificationsWorkerModule,
        WebhooksWorkerModule,
      ],
    };
  }
}
