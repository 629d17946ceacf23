import { Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { WebhooksProcessor } from './webhooks.processor.js';

/** Worker-only: webhook delivery. */
@Module({ imports: [QueueModule], providers: [WebhooksProcessor] })
export class WebhooksWorkerModule {}
