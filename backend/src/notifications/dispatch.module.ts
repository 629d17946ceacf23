import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../core/queue/queue.module.js';
import { Dispatcher } from './dispatcher.js';

/** The Dispatcher, for every module of both processes that records events. */
@Global()
@Module({ imports: [QueueModule], providers: [Dispatcher], exports: [Dispatcher] })
export class DispatchModule {}
