/**
 * `npm run bench:seed -- …` (and later bench scripts): builds what is stale (shared, backend) as
 * `npm run cli` does, transpiles backend/bench/**\/*.ts to backend/bench/dist/ (types are checked
 * by `npm run typecheck`, which includes backend/bench), then runs `bench/dist/<name>/index.js`
 * with the remaining arguments. Bench code imports the backend's compiled modules from
 * backend/dist at run time, so it runs exactly the code the product runs.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { buildIfStale } from '../scripts/build-if-stale.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const OUT = join(BENCH, 'dist');

function sources(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'dist' || entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node backend/bench/run.mjs <script> [arguments…]   (scripts: folders of backend/bench)');
  process.exit(2);
}
buildIfStale({ only: ['@demarche/shared', '@demarche/backend'] });
for (const file of sources(BENCH)) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  const target = resolve(OUT, relative(BENCH, file).replace(/\.ts$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, outputText);
}
process.argv = [process.argv[0], join(OUT, name, 'index.js'), ...args];
await import(pathToFileURL(join(OUT, name, 'index.js')).href);
