import type { INestApplicationContext } from '@nestjs/common';
import { exitWithStartupFailure } from './startup-failure.js';

/**
 * Runs a process entrypoint: known start-up failures (bad config, a dependency away) print one
 * clear message and exit 1; anything else prints its stack. SIGTERM/SIGINT close the app
 * (Nest's shutdown hooks) within SHUTDOWN_TIMEOUT_MS, then exit 0.
 */
export async function runMain(name: string, start: () => Promise<INestApplicationContext>): Promise<void> {
  let app: INestApplicationContext;
  try {
    app = await start();
  } catch (error) {
    exitWithStartupFailure(name, error);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
    const timer = setTimeout(() => {
      console.error(`demarche ${name}: did not stop within ${timeoutMs} ms after ${signal}; exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`demarche ${name}: error while stopping`, error);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
