import { Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** API side of webhooks: managing them and reading their delivery log. */
@Module({ imports: [QueueModule], controllers: [WebhooksController], providers: [WebhooksService] })
export class WebhooksModule {}
