/**
 * `node backend/bench/run.mjs frontend -- [--base-url http://127.0.0.1:PORT] [--logins-file PATH]
 * [--runs 3] [--browser-dir DIR] [--report-dir DIR]`: the "Frontend" part of `npm run bench` alone, against a
 * running product that serves the built dashboard with the demo data (`npm start`, or
 * backend/dist/launcher.js), or without --base-url against one it starts and stops (product.ts).
 */
import { textTables } from '../common/report.js';
import { benchFrontend } from './frontend.js';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (args.includes('--help')) {
  console.log(
    'usage: node backend/bench/run.mjs frontend -- [--base-url http://127.0.0.1:PORT] [--logins-file PATH] [--runs N] [--browser-dir DIR] [--report-dir DIR]',
  );
  process.exit(0);
}
const baseUrl = arg('base-url') ?? process.env.BENCH_BASE_URL;
const loginsFile = arg('logins-file');
const browserDir = arg('browser-dir');
const runs = arg('runs') ? Number(arg('runs')) : undefined;
const reportDir = arg('report-dir');
const figures = await benchFrontend({
  ...(baseUrl ? { baseUrl } : {}),
  ...(loginsFile ? { loginsFile } : {}),
  ...(browserDir ? { browserDir } : {}),
  ...(runs ? { runs } : {}),
  ...(reportDir ? { reportDir } : {}),
});
console.log(`\n${textTables(figures)}`);
process.exit(0);
