import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import { addressOf, type Config } from '../config/config.js';
import { heartbeatKey, HEARTBEAT_EVERY_MS, QUEUES } from '../queue/queues.js';
import type { TypedQueue } from '../queue/typed-queue.js';
import { REDIS } from '../redis/redis.module.js';
import { APP_VERSION } from '../version.js';
import type { DependencyHealthDto, HealthDto, WorkerHealthDto } from './health.dto.js';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e?.code ?? e?.message ?? String(error);
}

/** Asks PostgreSQL and Redis for real, each with a short timeout, in parallel. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: TypedQueue<'maintenance'>,
  ) {}

  async check(): Promise<HealthDto> {
    const [database, redis, worker] = await Promise.all([this.database(), this.redisCheck(), this.worker()]);
    return {
      status: database.status === 'up' && redis.status === 'up' ? 'ok' : 'unavailable',
      version: APP_VERSION,
      checks: { database, redis },
      worker,
    };
  }

  private async database(): Promise<DependencyHealthDto> {
    const address = addressOf(this.config.databaseUrl, 5432);
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      return { status: 'up', address };
    } catch (error) {
      return { status: 'down', address, message: reason(error) };
    }
  }

  private async redisCheck(): Promise<DependencyHealthDto> {
    const address = addressOf(this.config.redisUrl, 6379);
    try {
      const pong = await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS);
      if (pong !== 'PONG') throw new Error(`unexpected answer ${pong}`);
      return { status: 'up', address };
    } catch (error) {
      return { status: 'down', address, message: reason(error) };
    }
  }

  /**
   * Two signs, read together. Connected: is any worker process connected to Redis right now
   * (BullMQ names its workers' connections; CLIENT LIST)? Redis drops a killed process's
   * connections at once, so a dead or crash-looping worker shows as `down` within a second.
   * Heartbeat: has a worker run a job of the maintenance queue in the last 3 periods? That
   * catches a worker that is connected but stuck, and a machine gone without closing its
   * connections, within 90 s. Where Redis cannot list clients, the heartbeat alone decides.
   */
  private async worker(): Promise<WorkerHealthDto> {
    const [raw, connected] = await Promise.all([
      withTimeout(this.redis.get(heartbeatKey(this.config.redisPrefix)), CHECK_TIMEOUT_MS).catch(() => undefined),
      withTimeout(this.connectedWorkers(), CHECK_TIMEOUT_MS).catch(() => undefined),
    ]);
    if (raw === undefined) return { status: 'unknown', lastSeenAt: null };
    const at = raw ? new Date(raw) : null;
    const lastSeenAt = at ? at.toISOString() : null;
    if (connected === 0) return { status: 'down', lastSeenAt };
    if (!at) return { status: connected === undefined || connected === null ? 'unknown' : 'stale', lastSeenAt };
    const fresh = Date.now() - at.getTime() < HEARTBEAT_EVERY_MS * 3;
    return { status: fresh ? 'up' : 'stale', lastSeenAt };
  }

  /** Worker processes connected to the maintenance queue, or null where Redis cannot tell. */
  private async connectedWorkers(): Promise<number | null> {
    const workers = await this.maintenance.getWorkers();
    // BullMQ's answer where CLIENT LIST is refused (e.g. Google Memorystore).
    if (workers.length === 1 && !('addr' in workers[0])) return null;
    return workers.length;
  }
}
