import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to run a transaction (docs/architecture.md, "Data access"):
 *
 * - every statement inside goes through the `manager` it is given — a statement on the data
 *   source instead takes a second connection while the first holds its locks, and enough
 *   parallel requests then wait on each other for the pool (issue 16: twelve parallel edits of
 *   one response stalled the API for everyone);
 * - a deadlock or serialization failure PostgreSQL can still report is retried with the whole
 *   transaction, a few times, never answered 500. Work inside must therefore be database work
 *   only: anything sent elsewhere (events, e-mail) happens after commit, as it already does.
 *
 * Under test (`NODE_ENV=test`) a statement that asks the pool for another connection while a
 * transaction of the same call chain is open throws, so every integration test checks the first
 * rule on every path it takes.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (STRICT) guardPool(dataSource);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await once(dataSource, work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      // Jittered, so the transactions that collided do not collide again in step.
      await sleep(RETRY_DELAY_MS * attempt * (0.5 + Math.random()));
    }
  }
}

/** deadlock_detected and serialization_failure: the transaction was rolled back and may be run again. */
export function isRetryable(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string } | null)?.driverError?.code ?? (error as { code?: string })?.code;
  return code === '40P01' || code === '40001';
}

const MAX_ATTEMPTS = 4;
const RETRY_DELAY_MS = 20;
const STRICT = process.env.NODE_ENV === 'test';
const insideTransaction = new AsyncLocalStorage<true>();

async function once<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = STRICT ? await insideTransaction.run(true, () => work(runner.manager)) : await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

interface Pool {
  connect: (...args: unknown[]) => unknown;
}
const guarded = new WeakSet<object>();

/** Test-only: the pool refuses a connection to code running inside a transaction. */
function guardPool(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || guarded.has(pool)) return;
  guarded.add(pool);
  const connect = pool.connect.bind(pool);
  pool.connect = (...args: unknown[]) => {
    if (insideTransaction.getStore()) {
      throw new Error(
        "A statement inside a transaction asked the pool for another connection: pass the transaction's manager (core/database/transaction.ts).",
      );
    }
    return connect(...args);
  };
}
