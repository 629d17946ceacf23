import { ConfigError } from './config/config.js';
import { DependencyUnavailableError } from './dependency-error.js';

/**
 * Ends a process that could not start. A known cause (bad configuration, PostgreSQL or Redis
 * away) prints its message alone, which says what to do; anything else prints its stack.
 */
export function exitWithStartupFailure(name: string, error: unknown): never {
  if (error instanceof ConfigError || error instanceof DependencyUnavailableError) {
    console.error(`demarche ${name}: ${error.message}`);
  } else {
    console.error(`demarche ${name}: failed`, error);
  }
  process.exit(1);
}
