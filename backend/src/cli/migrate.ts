/**
 * Applies pending migrations under the advisory lock and exits: `npm run migrate`, and the
 * Compose file's one-shot `migrate` service.
 */
import { loadConfig } from '../core/config/config.js';
import { ensureDatabase, migrate } from '../core/database/database-admin.js';
import { runOnce } from './run-once.js';

await runOnce('migrate', async () => {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const applied = await migrate(config);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Schema is up to date.');
});
