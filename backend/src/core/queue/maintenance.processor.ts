import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { keepScheduler } from './keep-scheduler.js';
import { HEARTBEAT_EVERY_MS, heartbeatKey, QUEUES, SCHEDULERS } from './queues.js';
import type { TypedJob, TypedQueue } from './typed-queue.js';

/**
 * The worker's maintenance queue. Today it only keeps a heartbeat (so /api/health can say whether
 * a worker is alive); the reminder sweeper joins it with the reminders issue.
 */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: TypedQueue<'maintenance'>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  /** Upserting a scheduler with a fixed id is idempotent: any number of workers keep one. */
  private stopWatch: (() => void) | null = null;

  async onApplicationBootstrap(): Promise<void> {
    this.stopWatch = await keepScheduler(
      this.queue,
      SCHEDULERS.heartbeat,
      { every: HEARTBEAT_EVERY_MS },
      { name: 'heartbeat', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
      HEARTBEAT_EVERY_MS,
      this.logger,
    );
    await this.beat();
    this.logger.log('worker ready');
  }

  onApplicationShutdown(): void {
    this.stopWatch?.();
  }

  async process(job: TypedJob<'maintenance'>): Promise<void> {
    switch (job.name) {
      case 'heartbeat':
        await this.beat();
        return;
      default: {
        const unknown: never = job.name; // one job today: TypeScript narrows the name, not the job
        throw new Error(`unknown maintenance job ${String(unknown)}`);
      }
    }
  }

  private async beat(): Promise<void> {
    const ttlSeconds = Math.ceil((HEARTBEAT_EVERY_MS * 3) / 1000);
    await this.redis.set(heartbeatKey(this.config.redisPrefix), new Date().toISOString(), 'EX', ttlSeconds);
  }
}
