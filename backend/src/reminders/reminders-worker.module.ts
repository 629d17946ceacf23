import { Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { RemindersProcessor } from './reminders.processor.js';

/** Worker-only: the reminder sweeper and deliverer. */
@Module({ imports: [QueueModule], providers: [RemindersProcessor] })
export class RemindersWorkerModule {}
