/**
 * `npm test`: the one door (STYLE.md). Builds what is stale, then runs typecheck, lint, unit,
 * integration and browser suites in that order, stopping at the first failure. Integration and
 * browser suites use the machine's real PostgreSQL and Redis (TEST_DATABASE_URL /
 * TEST_REDIS_URL to point elsewhere), each run in its own database and Redis key prefix.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { buildIfStale, ROOT } from './build-if-stale.mjs';

const passedTotal = { tests: 0 };
// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

const timings = [];

function run(title, command, args, { env = {}, cwd = ROOT } = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const tee = (stream) => (chunk) => {
      out += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('error', reject);
    child.on('exit', (code) => {
      const text = stripAnsi(out);
      // Vitest (backend, shared, and Angular's unit-test builder): "Tests  12 passed (12)";
      // Playwright: "  5 passed (3.2s)".
      const vitest = [...text.matchAll(/^\s*Tests\s+(?:\d+ failed \| )?(\d+) passed/gm)].map((m) => Number(m[1]));
      const playwright = [...text.matchAll(/^\s+(\d+) passed \(/gm)].map((m) => Number(m[1]));
      passedTotal.tests += [...vitest, ...playwright].reduce((a, b) => a + b, 0);
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      timings.push(`${title} ${seconds} s`);
      console.log(`=== ${title}: ${code === 0 ? 'passed' : 'failed'} in ${seconds} s`);
      if (code === 0) resolve();
      else reject(new Error(`${title} failed (exit ${code})`));
    });
  });
}

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs the browser suite against the product as `npm start` runs it, on a database of its own. */
async function browserSuite() {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const db = new URL(SERVER_URL);
  db.pathname = `/demarche_e2e_${id}`;
  const prefix = `demarche_e2e_${id}`;
  const port = await freePort();
  const loginsFile = join(mkdtempSync(join(tmpdir(), 'demarche-e2e-')), 'demo-logins.txt');
  console.log(`\n=== browser: starting the product on http://127.0.0.1:${port} (database ${db.pathname.slice(1)})`);
  const server = spawn(process.execPath, ['backend/dist/launcher.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.toString(),
      REDIS_URL,
      REDIS_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Errors only: every signed-out page load's expected 401 on GET /api/me is a warning.
      LOG_LEVEL: 'error',
      DEMO_LOGINS_FILE: loginsFile,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the product did not start within 90 s')), 90_000);
      server.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        if (/dashboard http:/.test(chunk.toString())) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.on('exit', (code) => reject(new Error(`the product exited (${code}) before it was ready`)));
    });
    await run('browser', 'npm', ['run', 'e2e', '-w', '@demarche/frontend'], {
      env: { E2E_BASE_URL: `http://127.0.0.1:${port}`, E2E_DEMO_LOGINS: loginsFile },
    });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(db.pathname.slice(1))} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

const started = Date.now();
try {
  buildIfStale();
  await run('typecheck shared', 'npm', ['run', 'typecheck', '-w', '@demarche/shared']);
  await run('typecheck backend', 'npm', ['run', 'typecheck', '-w', '@demarche/backend']);
  await run('typecheck frontend', 'npm', ['run', 'typecheck', '-w', '@demarche/frontend']);
  // Each workspace has its eslint.config.js (ESLint 10 takes the nearest to each file).
  await run('lint', 'npx', ['eslint', 'shared', 'backend', 'frontend']);
  await run('format', 'npx', ['prettier', '--check', '.']);
  // Redocly's recommended rules on the checked-in OpenAPI document: 0 errors, offline.
  await run('openapi lint', 'npm', ['run', 'lint:openapi']);
  await run('unit shared', 'npx', ['vitest', 'run'], { cwd: `${ROOT}/shared` });
  await run('unit backend', 'npx', ['vitest', 'run', '--project', 'unit'], { cwd: `${ROOT}/backend` });
  await run('unit frontend', 'npm', ['test', '-w', '@demarche/frontend']);
  await run('integration backend', 'npx', ['vitest', 'run', '--project', 'integration'], { cwd: `${ROOT}/backend` });
  await browserSuite();
  console.log(`\nnpm test: every suite passed in ${Math.round((Date.now() - started) / 1000)} s (${timings.join(', ')})`);
  console.log(`${passedTotal.tests} passed, 0 failed`);
} catch (error) {
  console.error(`\nnpm test: ${error.message}`);
  console.log(`${passedTotal.tests} passed, 1 failed`);
  process.exit(1);
}
