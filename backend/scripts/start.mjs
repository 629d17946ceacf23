/** `npm start`: build what is missing or stale, then hand over to the launcher (backend/src/launcher.ts). */
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
await import('../dist/launcher.js');
