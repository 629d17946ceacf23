import { exitWithStartupFailure } from '../core/startup-failure.js';

/** Runs a one-shot command and exits: 0 when it worked, 1 with a clear message when not. */
export async function runOnce(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    exitWithStartupFailure(name, error);
  }
  process.exit(0);
}
