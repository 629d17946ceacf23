/**
 * `node backend/bench/run.mjs reminders [--count N] [--spread-ms MS] [--database-url URL]`: the
 * "Reminder punctuality" part of `npm run bench`, on its own. Prints its table.
 *
 * For profiling and before/after experiments (each is named in the figures' notes when set):
 * - BENCH_CPU_PROF_DIR=<dir>: the two workers run under `node --cpu-prof`, their profiles left there;
 * - BENCH_WORKER_SCRIPT=<path>: run that worker.js instead of backend/dist/worker.js (a patched build);
 * - BENCH_SMTP_QUERY=<query>: appended to the workers' SMTP_URL, e.g. `pool=true&maxConnections=8`
 *   (nodemailer reads transport options from the URL's query);
 * - BENCH_WORKER_ENV=K=V,K=V: more environment for the workers, e.g. `REMINDER_SWEEP_MS=5000,DATABASE_POOL_SIZE=20`;
 * - BENCH_SAMPLES_FILE=<path>: every delivery's due, pick-up, finish and arrival (ms from the window's opening) and the sweeps, as JSON;
 * - BENCH_SINK_PIPELINING=0: the SMTP sink does not advertise PIPELINING (every command then waits
 *   for its reply, as with a relay without the extension);
 * - BENCH_CONCURRENCY=N: the reminders processor's concurrency, when a patched worker changes it (the
 *   baseline's workers use the same; otherwise it is read from the built processor's decorator).
 */
import { textTables } from '../common/report.js';
import { benchReminders, type ReminderBenchOptions } from './reminders.js';

function parse(argv: string[]): ReminderBenchOptions {
  const options: { count?: number; spreadMs?: number; databaseUrl?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s) : [argv[i]!, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--count') options.count = Number(value());
    else if (flag === '--spread-ms') options.spreadMs = Number(value());
    else if (flag === '--database-url') options.databaseUrl = value();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

try {
  const figures = await benchReminders(parse(process.argv.slice(2)));
  console.log(textTables(figures));
  process.exit(0);
} catch (error) {
  console.error('bench:reminders: failed', error);
  process.exit(1);
}
