/**
 * `npm run bench`: every benchmark of issue #7 in one run on this machine — the API against the
 * bare baseline, query counts, growth from scale 1 to 4, reminder punctuality against bare
 * BullMQ, the frontend's bundle and Lighthouse — printed as tables and recorded in
 * docs/performance.md (between the `bench:figures` markers) with the machine and the date.
 *
 * `-- --only api,reminders,frontend` runs some of them; `-- --no-write` leaves the document alone.
 */
import { cpus, totalmem, release } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { benchApi } from '../api/api.js';
import { markdownTables, textTables, type Figure } from '../common/report.js';
import { REPO } from '../common/processes.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : ['api', 'reminders', 'frontend'];
const write = !args.includes('--no-write');

const START = '<!-- bench:figures:start -->';
const END = '<!-- bench:figures:end -->';

function machine(): string {
  const version = (cmd: string, argv: string[]): string => {
    try {
      return execFileSync(cmd, argv, { encoding: 'utf8' }).trim().split('\n')[0]!;
    } catch {
      return 'unknown';
    }
  };
  const cpu = cpus();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'}; memory ${Math.round(totalmem() / 2 ** 30)} GiB; Linux ${release()}`,
    `- Node.js ${process.version}; ${version('psql', ['--version'])}; ${version('redis-server', ['--version']).replace(/ sha=.*/, '')}`,
  ].join('\n');
}

const figures: Figure[] = [];
const started = Date.now();
if (only.includes('api')) figures.push(...(await benchApi()));
if (only.includes('reminders')) {
  const { benchReminders } = (await import('../reminders/reminders.js')) as { benchReminders: () => Promise<Figure[]> };
  figures.push(...(await benchReminders()));
}
if (only.includes('frontend')) {
  const { benchFrontend } = (await import('../frontend/frontend.js')) as { benchFrontend: () => Promise<Figure[]> };
  figures.push(...(await benchFrontend()));
}

console.log(`\n${textTables(figures)}\n\nnpm run bench: done in ${Math.round((Date.now() - started) / 1000)} s`);
if (write) {
  const path = resolve(REPO, 'docs/performance.md');
  const doc = readFileSync(path, 'utf8');
  const block = `${START}\n\n${machine()}\n\n${markdownTables(figures)}\n\n${END}`;
  const next = doc.includes(START)
    ? doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), block)
    : `${doc.trimEnd()}\n\n## Figures (\`npm run bench\`)\n\n${block}\n`;
  writeFileSync(path, next);
  console.log(`npm run bench: figures written to docs/performance.md`);
}
process.exit(0);
