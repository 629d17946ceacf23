import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its working directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a private, throw-away `redis-server` on a free loopback port, for tests that must
 * configure Redis itself or stop it — never the shared one on 6379. No persistence (`--save ""`,
 * `--appendonly no`), its working directory is a temporary one. `args` are passed through after
 * those defaults, so they can override them, e.g. `['--maxmemory-policy', 'allkeys-lru']`.
 */
export async function startRedisServer(args: string[] = []): Promise<PrivateRedis> {
  let lastError: unknown;
  // Picking a free port and binding it are two steps: retry in the rare case another process won the race.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await tryStart(await freePort(), args);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

async function tryStart(port: number, args: string[]): Promise<PrivateRedis> {
  const dir = await mkdtemp(path.join(tmpdir(), 'demarche-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Never leave a server behind if the test process dies without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${port}:\n${out}`)), 10_000);
      const poll = setInterval(() => {
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        }
      }, 20);
      child.once('error', (e) => {
        clearTimeout(timer);
        clearInterval(poll);
        reject(e);
      });
      void exited.then(() => {
        clearTimeout(timer);
        clearInterval(poll);
        reject(new Error(`redis-server exited on start (port ${port}):\n${out}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
