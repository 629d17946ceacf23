/**
 * Writes `name.br` and `name.gz` beside each text file of the built dashboard, once, at the
 * strongest settings, so the API serves them without compressing per request
 * (backend/src/core/http/dashboard.ts). Run by `npm run build` after `ng build`;
 * `node scripts/precompress.mjs [folder]` for another output folder.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|json|svg|txt|webmanifest|xml)$/;
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 1024;

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'demarche', 'browser'));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.test(entry.name)) yield full;
  }
}

let count = 0;
let raw = 0;
let br = 0;
for (const file of files(root)) {
  if (statSync(file).size < MIN_BYTES) continue;
  const content = readFileSync(file);
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  count++;
  raw += content.length;
  br += brotli.length;
}
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`precompress: ${count} files in ${root}, ${kB(raw)} → ${kB(br)} brotli`);
