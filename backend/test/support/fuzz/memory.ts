import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';

const HERE = dirname(fileURLToPath(import.meta.url));
const BACKEND = join(HERE, '..', '..', '..');
const PROBE = join(HERE, 'memory-probe.mjs');

/** The API as a process of its own (`node dist/main.js`), as the launcher runs it. */
export interface ApiProcess {
  url: string;
  pid: number;
  probeFile: string;
  close: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the built API (`npm run build -w @demarche/backend` first) on `env`'s database, without
 * `--expose-gc`, with the memory probe preloaded; its standard output (the log) goes to `logs`.
 */
export async function startApiProcess(env: Record<string, string>, logs: Writable): Promise<ApiProcess> {
  const main = join(BACKEND, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: npm run build -w @demarche/backend`);
  const port = await freePort();
  const probeFile = join(process.env.TMPDIR ?? '/tmp', `demarche-fuzz-memory-${process.pid}-${port}.jsonl`);
  writeFileSync(probeFile, '');
  const child: ChildProcess = spawn(process.execPath, ['--import', pathToFileURL(PROBE).href, main], {
    cwd: BACKEND,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', FUZZ_MEMORY_PROBE: probeFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(logs, { end: false });
  // Standard error is a log too: whatever lands there is checked like every line.
  child.stderr!.pipe(logs, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited (${child.exitCode}) before it was ready`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error('the API process did not answer /api/health within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    probeFile,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Sample {
  requests: number;
  seconds: number;
  rss?: number;
  heapUsed?: number;
  heapTotal?: number;
  external?: number;
  arrayBuffers?: number;
}

const MB = (n: number | undefined) => (n === undefined ? '' : (n / 1_048_576).toFixed(1));

/**
 * The API's memory every `every` requests (FUZZ_MEMORY_SAMPLES=file.csv). In process, the numbers
 * are the test worker's: the API's plus the harness's. With FUZZ_API_PROCESS=1 they are the API
 * process's alone: rss from /proc/<pid>/status, the heap figures from its probe (memory-probe.mjs).
 */
export class MemorySampler {
  private readonly samples: Sample[] = [];
  private readonly startedAt = Date.now();
  private next = 0;

  /** `snapshotsAt`: request counts at which to write a heap snapshot of the API (into `snapshotDir`). */
  constructor(
    private readonly file: string,
    private readonly every: number,
    private readonly apiProcess: ApiProcess | null,
    private readonly snapshotsAt: number[] = [],
    private readonly snapshotDir = dirname(file),
  ) {}

  /** Called as each request is recorded; samples when `requests` reaches the next step. */
  onRequests(requests: number): void {
    if (this.snapshotsAt.includes(requests)) {
      if (this.apiProcess) process.kill(this.apiProcess.pid, 'SIGHUP');
      else writeHeapSnapshot(join(this.snapshotDir, `fuzz-worker-${process.pid}-${requests}.heapsnapshot`));
    }
    if (requests < this.next) return;
    this.next = requests + this.every;
    this.take(requests);
  }

  take(requests: number): void {
    const seconds = (Date.now() - this.startedAt) / 1000;
    if (!this.apiProcess) {
      this.samples.push({ requests, seconds, ...process.memoryUsage() });
      return;
    }
    const status = readFileSync(`/proc/${this.apiProcess.pid}/status`, 'utf8');
    const rssKb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    this.samples.push({ requests, seconds, rss: rssKb ? Number(rssKb) * 1024 : undefined });
    process.kill(this.apiProcess.pid, 'SIGUSR2');
  }

  /** Writes the CSV (the probe's lines joined in order), and returns a few rows for the summary. */
  async write(requests: number): Promise<string> {
    this.take(requests);
    const where = this.apiProcess ? 'api process' : 'test worker (API + harness)';
    if (this.apiProcess) {
      await new Promise((r) => setTimeout(r, 500));
      const probe = readFileSync(this.apiProcess.probeFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, number>);
      for (const [i, s] of this.samples.entries()) Object.assign(s, { ...probe[i], rss: s.rss ?? probe[i]?.rss });
    }
    const rows = this.samples.map((s) =>
      [s.requests, s.seconds.toFixed(1), MB(s.rss), MB(s.heapUsed), MB(s.heapTotal), MB(s.external), MB(s.arrayBuffers), where].join(','),
    );
    writeFileSync(
      this.file,
      `requests,seconds,rss_mb,heap_used_mb,heap_total_mb,external_mb,array_buffers_mb,measured\n${rows.join('\n')}\n`,
    );
    const pick = [0, Math.floor((this.samples.length - 1) / 2), this.samples.length - 1].map((i) => this.samples[i]!);
    return `memory (${where}; global.gc ${typeof globalThis.gc === 'function' && !this.apiProcess ? 'exposed' : 'not exposed'}), written to ${this.file}: ${pick
      .map((s) => `${s.requests} requests: rss ${MB(s.rss)} MB, heapUsed ${MB(s.heapUsed)} MB`)
      .join('; ')}`;
  }
}
