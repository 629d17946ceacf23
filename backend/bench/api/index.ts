/**
 * `node backend/bench/run.mjs api [--scales 1,4] [--seconds 10]`: the API part of `npm run bench`
 * alone. BENCH_CPU_PROF_DIR=<dir>: the API runs under `node --cpu-prof`, one profile per scale.
 */
import { textTables } from '../common/report.js';
import { benchApi } from './api.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const scales = arg('scales')?.split(',').map(Number);
const seconds = arg('seconds') ? Number(arg('seconds')) : undefined;
const figures = await benchApi({ ...(scales ? { scales } : {}), ...(seconds ? { seconds } : {}) });
console.log(`\n${textTables(figures)}`);
process.exit(0);
