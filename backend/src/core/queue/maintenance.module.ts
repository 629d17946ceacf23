import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueModule } from './queue.module.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { WorkerDrain } from './worker-drain.js';

/**
 * Worker-only: the maintenance processor and its schedulers, and the drain that stops every
 * queue's workers within the shutdown budget (worker.ts calls it on SIGTERM).
 */
@Module({ imports: [QueueModule, DiscoveryModule], providers: [MaintenanceProcessor, WorkerDrain], exports: [WorkerDrain] })
export class MaintenanceModule {}
