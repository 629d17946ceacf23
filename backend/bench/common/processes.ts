/** Starting and stopping the processes a benchmark measures: the built API, workers, servers. */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** backend/ (this file runs as backend/bench/dist/common/processes.js). */
export const BACKEND = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const REPO = resolve(BACKEND, '..');

/**
 * `node --cpu-prof` arguments when BENCH_CPU_PROF_DIR is set (the measured processes write their
 * profiles there as they exit), none otherwise.
 */
export function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', resolve(dir)] : [];
}

export interface Started {
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Forks `script` (a built .js file) with `env` added to this process's environment and waits for
 * its `{ type: 'ready' }` IPC message (as `backend/dist/main.js` sends when it listens).
 */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  options: { name: string; args?: string[]; execArgv?: string[]; readyTimeoutMs?: number } = { name: script },
): Promise<Started> {
  const child = fork(script, options.args ?? [], {
    env: { ...process.env, ...env },
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not become ready`)), options.readyTimeoutMs ?? 60_000);
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited before it was ready (code ${code}, signal ${signal})`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { child, stop };
}
