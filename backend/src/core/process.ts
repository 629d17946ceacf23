import type { INestApplicationContext } from '@nestjs/common';
import { exitWithStartupFailure } from './startup-failure.js';

export interface RunMainOptions {
  /**
   * Runs first on SIGTERM/SIGINT, before the app closes (the worker drains its queues here). Gets
   * the milliseconds left before the forced exit, and should leave some for `app.close()`.
   */
  beforeClose?: (app: INestApplicationContext, remainingMs: number) => Promise<void>;
}

/**
 * Runs a process entrypoint: known start-up failures (bad config, a dependency away) print one
 * clear message and exit 1; anything else prints its stack. SIGTERM/SIGINT run `beforeClose`,
 * then close the app (Nest's shutdown hooks), then exit 0 — all within SHUTDOWN_TIMEOUT_MS, or
 * the process exits 1 when that time is up. A signal during start-up is honoured once started.
 */
export async function runMain(name: string, start: () => Promise<INestApplicationContext>, options: RunMainOptions = {}): Promise<void> {
  let app: INestApplicationContext | null = null;
  let deadline: number | null = null;

  const close = async (started: INestApplicationContext, until: number): Promise<void> => {
    try {
      await options.beforeClose?.(started, Math.max(0, until - Date.now()));
      await started.close();
      process.exit(0);
    } catch (error) {
      console.error(`demarche ${name}: error while stopping`, error);
      process.exit(1);
    }
  };
  const stop = (signal: string): void => {
    if (deadline !== null) return;
    const configured = Number(process.env.SHUTDOWN_TIMEOUT_MS);
    const timeoutMs = process.env.SHUTDOWN_TIMEOUT_MS && configured > 0 ? configured : 10_000;
    deadline = Date.now() + timeoutMs;
    const timer = setTimeout(() => {
      console.error(`demarche ${name}: did not stop within ${timeoutMs} ms after ${signal}; exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    if (app) void close(app, deadline);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  try {
    app = await start();
  } catch (error) {
    exitWithStartupFailure(name, error);
  }
  if (deadline !== null) void close(app, deadline);
}
