/** The HTTP API process: `node dist/main.js` (the launcher starts it; so does the Compose `api` service). */
import { loadConfig } from './core/config/config.js';
import { createApiApp } from './app/create-api-app.js';
import { runMain } from './core/process.js';

await runMain('api', async () => {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  const url = await app.getUrl();
  process.send?.({ type: 'ready', url });
  return app;
});
