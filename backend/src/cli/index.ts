/** `npm run cli -- <command> …`: operator commands. See users.ts for the list. */
import { exitWithStartupFailure } from '../core/startup-failure.js';
import { runCli, UsageError } from './users.js';

try {
  await runCli(process.argv.slice(2), (line) => console.log(line));
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  exitWithStartupFailure('cli', error);
}
