import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { Dispatcher } from './dispatcher.js';
import { EventRecorder } from './event-recorder.js';

/** Recording events and dispatching them after commit, for every module of both processes. */
@Global()
@Module({ imports: [QueueModule], providers: [Dispatcher, EventRecorder], exports: [Dispatcher, EventRecorder] })
export class DispatchModule {}
