/**
 * The product for the "Frontend" benchmark when none is given (`npm run bench` from a fresh
 * clone): `backend/dist/launcher.js` — migrations, the demo campaign, the API serving the built
 * dashboard, the worker — on a database and a Redis prefix of its own, removed afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { BACKEND } from '../common/processes.js';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE = 'demarche_bench_frontend';

export interface Product {
  readonly baseUrl: string;
  readonly loginsFile: string;
  /** Stops the launcher (which stops the API and the worker), drops the database, deletes the Redis keys. */
  stop(): Promise<void>;
}

export async function startProduct(publicDir: string): Promise<Product> {
  const say = (message: string): void => console.log(`frontend: ${message}`);
  const prefix = `bench-fe-${process.pid}`;
  const work = mkdtempSync(join(tmpdir(), 'demarche-bench-fe-'));
  const loginsFile = join(work, 'demo-logins.txt');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  await admin(async (db) => {
    await db.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(DATABASE)} WITH (FORCE)`);
    await db.query(`CREATE DATABASE ${pg.escapeIdentifier(DATABASE)}`);
  });
  say(`starting the product on ${baseUrl} (database "${DATABASE}", Redis prefix "${prefix}")`);
  const launcher = spawn(process.execPath, [join(BACKEND, 'dist/launcher.js')], {
    cwd: BACKEND,
    env: {
      ...process.env,
      DATABASE_URL: `${SERVER_URL}/${DATABASE}`,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DEMO_DATA: 'true',
      DEMO_LOGINS_FILE: loginsFile,
      PUBLIC_DIR: publicDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => launcher.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    // The launcher itself: it stops its children (killing those would make it restart them).
    if (launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM');
      const timer = setTimeout(() => launcher.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await admin(async (db) => void (await db.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(DATABASE)} WITH (FORCE)`)));
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    try {
      for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
        if (keys.length) await redis.unlink(...keys);
      }
    } finally {
      redis.disconnect();
    }
    rmSync(work, { recursive: true, force: true });
    say('product stopped, its database and Redis keys removed');
  };

  try {
    await ready(baseUrl, loginsFile, exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, loginsFile, stop };
}

/** Waits for /api/health to answer 200 and the demo logins file to exist (2 minutes at most). */
async function ready(baseUrl: string, loginsFile: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error('The launcher exited before the product was ready (its errors are above)');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok && existsSync(loginsFile)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The product did not become ready at ${baseUrl} within 2 minutes`);
}

async function admin(work: (db: pg.Client) => Promise<void>): Promise<void> {
  const db = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await db.connect();
  try {
    await work(db);
  } finally {
    await db.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
