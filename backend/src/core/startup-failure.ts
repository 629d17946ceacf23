import { ConfigError } from './config/config.js';
import { DependencyMisconfiguredError, DependencyUnavailableError } from './dependency-error.js';

/**
 * Ends a process that could not start. A known cause (bad configuration, PostgreSQL or Redis
 * away or misconfigured) prints its message alone, which says what to do; anything else prints its stack.
 */
export function exitWithStartupFailure(name: string, error: unknown): never {
  if (error instanceof ConfigError || error instanceof DependencyUnavailableError || error instanceof DependencyMisconfiguredError) {
    console.error(`demarche ${name}: ${error.message}`);
  } else {
    console.error(`demarche ${name}: failed`, error);
  }
  process.exit(1);
}
