/** `npm run cli -- …`: build what is stale (quietly), then run the operator command. */
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale({ only: ['@demarche/shared', '@demarche/backend'] });
await import('../dist/cli/index.js');
