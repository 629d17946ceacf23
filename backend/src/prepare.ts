import { DataSource } from 'typeorm';
import { loadDemoDataIfEmpty } from './demo/demo-data.loader.js';
import { writeDemoLogins } from './demo/demo-logins-file.js';
import type { Config } from './core/config/config.js';
import { dataSourceOptions } from './core/database/data-source-options.js';
import { migrate } from './core/database/database-admin.js';
import { checkRedisEvictionPolicy, preflight } from './preflight.js';

/**
 * What must be true before the API and worker start: PostgreSQL and Redis reachable (the
 * database created if missing; Redis with maxmemory-policy noeviction), migrations applied, and — when DEMO_DATA is on — the demo
 * campaign loaded into a database that has no campaign. Safe to run from several processes at
 * once. `npm start` and the Compose `migrate` service both run it.
 */
export async function prepare(config: Config, say: (message: string) => void): Promise<void> {
  await preflight(config);
  // The worker would refuse to start; say so once, before anything starts.
  await checkRedisEvictionPolicy(config.redisUrl, say);
  const applied = await migrate(config);
  say(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
  if (!config.demoData) return;
  const dataSource = new DataSource({ ...dataSourceOptions(config), poolSize: 2 });
  await dataSource.initialize();
  try {
    const result = await loadDemoDataIfEmpty(dataSource);
    if (result.loaded) {
      say(`loaded the demo campaign (${result.demands} demands, ${result.followUps} example follow-ups); DEMO_DATA=false turns this off`);
      if (result.logins.length > 0) {
        writeDemoLogins(config.demoLoginsFile, result.logins);
        say(`demo accounts (one per role): their passwords are in ${config.demoLoginsFile} (readable only by you)`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}
