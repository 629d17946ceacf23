import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import { addressOf, type Config } from '../config/config.js';
import { heartbeatKey, HEARTBEAT_EVERY_MS } from '../queue/queues.js';
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

  private async worker(): Promise<WorkerHealthDto> {
    try {
      const raw = await withTimeout(this.redis.get(heartbeatKey(this.config.redisPrefix)), CHECK_TIMEOUT_MS);
      if (!raw) return { status: 'unknown', lastSeenAt: null };
      const at = new Date(raw);
      const fresh = Date.now() - at.getTime() < HEARTBEAT_EVERY_MS * 3;
      return { status: fresh ? 'up' : 'stale', lastSeenAt: at.toISOString() };
    } catch {
      return { status: 'unknown', lastSeenAt: null };
    }
  }
}
