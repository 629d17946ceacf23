/**
 * Builds each workspace whose output is missing or older than its sources, in dependency order
 * (shared → backend → frontend). A stamp file in each output folder records a finished build, so
 * an interrupted build is redone. Used by `npm start` and `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const WORKSPACES = [
  {
    name: '@demarche/shared',
    inputs: ['shared/src', 'shared/package.json', 'shared/tsconfig.json', 'shared/tsconfig.build.json', 'tsconfig.base.json'],
    stamp: 'shared/dist/.build-stamp',
  },
  {
    name: '@demarche/backend',
    inputs: ['backend/src', 'backend/package.json', 'backend/tsconfig.json', 'backend/tsconfig.build.json', 'shared/dist/.build-stamp'],
    stamp: 'backend/dist/.build-stamp',
  },
  {
    name: '@demarche/frontend',
    inputs: [
      'frontend/src',
      'frontend/public',
      'frontend/scripts',
      'frontend/angular.json',
      'frontend/package.json',
      'frontend/tsconfig.json',
      'frontend/tsconfig.app.json',
      'shared/openapi',
      'shared/dist/.build-stamp',
    ],
    stamp: 'frontend/dist/.build-stamp',
  },
];

const IGNORED = /(^|\/)(node_modules|dist|\.angular)(\/|$)|\.spec\.ts$|schema\.generated\.ts$/;

function newest(path) {
  if (!existsSync(path) || IGNORED.test(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function buildIfStale({ only } = {}) {
  for (const ws of WORKSPACES) {
    if (only && !only.includes(ws.name)) continue;
    const stamp = resolve(ROOT, ws.stamp);
    const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
    const changed = Math.max(...ws.inputs.map((p) => newest(resolve(ROOT, p))));
    if (built >= changed) continue;
    console.log(`demarche: building ${ws.name}${built ? ' (sources changed)' : ''}…`);
    const result = spawnSync('npm', ['run', 'build', '-w', ws.name], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`demarche: building ${ws.name} failed`);
      process.exit(result.status ?? 1);
    }
    writeFileSync(stamp, new Date().toISOString() + '\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
