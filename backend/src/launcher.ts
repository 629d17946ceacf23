/**
 * `npm start` ends here (after scripts/start.mjs has built what was stale): check PostgreSQL and
 * Redis, apply migrations, load the demo campaign into an empty database, then run the API and
 * the worker as two supervised child processes until Ctrl-C or SIGTERM.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './core/config/config.js';
import { prepare } from './core/prepare.js';
import { exitWithStartupFailure } from './core/startup-failure.js';

const say = (message: string): void => console.log(`demarche: ${message}`);

interface Supervised {
  name: 'api' | 'worker';
  script: string;
  child: ChildProcess | null;
  crashes: number[];
}

const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

function supervise(config: Config): void {
  const processes: Supervised[] = [
    { name: 'api', script: fileURLToPath(new URL('./main.js', import.meta.url)), child: null, crashes: [] },
    { name: 'worker', script: fileURLToPath(new URL('./worker.js', import.meta.url)), child: null, crashes: [] },
  ];
  let stopping = false;

  const start = (p: Supervised): void => {
    const child = fork(p.script, [], { stdio: 'inherit', env: process.env });
    p.child = child;
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type === 'ready' && p.name === 'api') {
        const url = (message.url ?? '').replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
        say(`dashboard ${url}/ · API ${url}/api · docs ${url}/api/docs`);
      }
    });
    child.on('exit', (code, signal) => {
      p.child = null;
      if (stopping) return;
      const now = Date.now();
      p.crashes = [...p.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
      if (p.crashes.length >= MAX_CRASHES) {
        console.error(`demarche: the ${p.name} stopped ${MAX_CRASHES} times within a minute; giving up.`);
        void stop(1);
        return;
      }
      const delay = Math.min(500 * 2 ** (p.crashes.length - 1), 10_000);
      console.error(`demarche: the ${p.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && start(p), delay);
    });
  };

  const stop = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    const running = processes.map((p) => p.child).filter((c): c is ChildProcess => c !== null);
    const exited = running.map((c) => new Promise<void>((resolve) => c.once('exit', () => resolve())));
    for (const c of running) c.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
    }, config.shutdownTimeoutMs + 2_000);
    await Promise.all(exited);
    clearTimeout(timer);
    say('stopped');
    process.exit(exitCode);
  };

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const p of processes) start(p);
}

try {
  const config = loadConfig();
  await prepare(config, say);
  supervise(config);
} catch (error) {
  exitWithStartupFailure('start', error);
}
