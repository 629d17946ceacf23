import { Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { FailedDeliveriesController } from './failed-deliveries.controller.js';
import { FailedDeliveriesService } from './failed-deliveries.service.js';

/** The admin's view of deliveries that failed for good, and retrying one (issue 17). */
@Module({ imports: [QueueModule], controllers: [FailedDeliveriesController], providers: [FailedDeliveriesService] })
export class FailedDeliveriesModule {}
