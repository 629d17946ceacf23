/**
 * `npm start` ends here (after scripts/start.mjs has built what was stale): check PostgreSQL and
 * Redis, apply migrations, load the demo campaign into an empty database, then run the API and
 * the worker as two supervised child processes until Ctrl-C or SIGTERM.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './core/config/config.js';
import { prepare } from './prepare.js';
import { exitWithStartupFailure } from './core/startup-failure.js';
import { RestartBackoff } from './launcher-restarts.js';

const say = (message: string): void => console.log(`demarche: ${message}`);

interface Supervised {
  name: 'api' | 'worker';
  script: string;
  child: ChildProcess | null;
  /** When the running child said it was ready; null while it starts. */
  readyAt: number | null;
  /** Whether any child of this name has been ready: an exit before that is a start-up failure. */
  everReady: boolean;
  restarts: RestartBackoff;
  restartTimer: NodeJS.Timeout | null;
}

/** What is lost while a child is away, said with each restart. */
const MEANWHILE = {
  api: 'the dashboard and the API do not answer until it is back',
  worker: 'the API keeps serving and /api/health reports the worker down; reminders and e-mails wait in PostgreSQL and Redis',
} as const;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs the API and the worker until SIGINT/SIGTERM. A child that exits before it was ever ready
 * (a start-up failure: it printed why) stops everything with exit code 1, as before. After that,
 * either child is restarted whenever it exits, never giving up, after a capped exponential delay
 * (launcher-restarts.ts); the other keeps running. ADR 0005, addendum.
 */
function supervise(config: Config): void {
  const supervised = (name: Supervised['name'], file: string): Supervised => ({
    name,
    script: fileURLToPath(new URL(file, import.meta.url)),
    child: null,
    readyAt: null,
    everReady: false,
    restarts: new RestartBackoff(),
    restartTimer: null,
  });
  const processes = [supervised('api', './main.js'), supervised('worker', './worker.js')];
  let stopping = false;

  const start = (p: Supervised): void => {
    p.restartTimer = null;
    const child = fork(p.script, [], { stdio: 'inherit', env: process.env });
    p.child = child;
    p.readyAt = null;
    say(`${p.name} started (pid ${child.pid})`);
    child.on('error', (error) => console.error(`demarche: the ${p.name} (pid ${child.pid}): ${error.message}`));
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type !== 'ready') return;
      p.readyAt = Date.now();
      const first = !p.everReady;
      p.everReady = true;
      if (p.name === 'api' && first) {
        const url = (message.url ?? '').replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
        say(`dashboard ${url}/ · API ${url}/api · docs ${url}/api/docs`);
      } else {
        say(`${p.name} ready (pid ${child.pid})${first ? '' : ' again'}`);
      }
    });
    child.on('exit', (code, signal) => {
      if (p.child === child) p.child = null;
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!p.everReady) {
        console.error(`demarche: the ${p.name} could not start (${how}); stopping.`);
        void stop(1);
        return;
      }
      const now = Date.now();
      const upForMs = p.readyAt === null ? 0 : now - p.readyAt;
      const next = p.restarts.exited(now, upForMs);
      console.error(
        `demarche: the ${p.name} (pid ${child.pid}) exited with ${how} ` +
          (p.readyAt === null ? 'before it was ready' : `after ${seconds(upForMs)} up`) +
          `; restarting in ${seconds(next.delayMs)} (restart ${next.attempt} in a row, ` +
          `${next.exitsInWindow} exit(s) in the last minute); meanwhile ${MEANWHILE[p.name]}`,
      );
      p.restartTimer = setTimeout(() => !stopping && start(p), next.delayMs);
    });
  };

  const stop = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    for (const p of processes) if (p.restartTimer) clearTimeout(p.restartTimer);
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
