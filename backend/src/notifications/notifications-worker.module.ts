import { Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { NotificationsProcessor } from './notifications.processor.js';

/** Worker-only: notification e-mails, the outbox sweep and daily digests. */
@Module({ imports: [QueueModule], providers: [NotificationsProcessor] })
export class NotificationsWorkerModule {}
