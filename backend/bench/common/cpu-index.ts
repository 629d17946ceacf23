/**
 * The machine's speed at a moment, as Lighthouse measures it (its `computeBenchmarkIndex`: string
 * building and array copies for about a second), run in a child Node.js process so that the
 * caller's event loop — the reminders bench's SMTP sink, say — is not held meanwhile. Lighthouse
 * prints the same index from inside Chromium; the two scales are close, not equal. It tells a
 * slow moment of a shared machine from a regression: compare runs' figures with it beside them.
 */
import { execFile } from 'node:child_process';
import { BACKEND } from './processes.js';

const SCRIPT = `import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
process.stdout.write(String(Math.round(pageFunctions.computeBenchmarkIndex())));`;

export function cpuIndex(): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: BACKEND, timeout: 30_000 }, (error, stdout) => {
      const value = Number(stdout.trim());
      resolve(error || !Number.isFinite(value) || value <= 0 ? null : value);
    });
  });
}
