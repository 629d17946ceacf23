/**
 * One-shot: check PostgreSQL and Redis, apply migrations, load the demo campaign if DEMO_DATA
 * is on and the database has none, then exit. The Compose file's `migrate` service runs it.
 */
import { loadConfig } from '../core/config/config.js';
import { prepare } from '../prepare.js';
import { runOnce } from './run-once.js';

await runOnce('prepare', () => prepare(loadConfig(), (message) => console.log(`demarche: ${message}`)));
