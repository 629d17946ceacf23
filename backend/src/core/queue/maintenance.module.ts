import { Module } from '@nestjs/common';
import { QueueModule } from './queue.module.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

/** Worker-only: the maintenance processor and its schedulers. */
@Module({ imports: [QueueModule], providers: [MaintenanceProcessor] })
export class MaintenanceModule {}
