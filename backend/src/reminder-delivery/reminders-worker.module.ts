import { Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { DemandsWorkerModule } from '../demands/demands-worker.module.js';
import { FollowUpsWorkerModule } from '../follow-ups/follow-ups-worker.module.js';
import { RemindersProcessor } from './reminders.processor.js';

/**
 * Worker-only: the reminder sweeper and deliverer. Its sweep also runs the rules that fall due
 * with time, which their own domains hold (no-response, escalation).
 */
@Module({ imports: [QueueModule, DemandsWorkerModule, FollowUpsWorkerModule], providers: [RemindersProcessor] })
export class RemindersWorkerModule {}
