/**
 * Writes `dist/demarche/page-preloads.json` (beside browser/, the served folder): for the pages people open
 * first, the script files and API requests they will need, which the server announces in a `Link`
 * header with the page's HTML (backend/src/core/http/dashboard.ts) so that the browser fetches
 * them all at once, while it fetches the initial scripts. Without it a page's chunks arrive one
 * level of imports at a time (main → the page's routes → what they import → …), each level a
 * round trip, and its API requests wait for all of them and for `GET /api/me`.
 *
 * The chunks come from esbuild's metafile (`stats.json`, `ng build --stats-json`): for each source
 * listed below, the chunk built from it and every chunk it imports statically, less the initial
 * files index.html already loads. A source that is not a lazy chunk any more fails the build: the
 * list below must follow the app's routes (app.routes.ts, app.config.ts, the pages' requests).
 * Run by `npm run build` after `ng build`; `node scripts/page-preloads.mjs [dist folder]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Every page: the frame pages render in, and who is signed in (app.config.ts asks at start). */
const EVERY_PAGE = { sources: ['src/app/core/ui/page-frame.ts'], fetches: ['/api/me'] };

/** A page for signed-in people: the header's signed-in part and the notification stream it opens. */
const SIGNED_IN = ['src/app/shell/signed-in-header.ts', 'src/app/notifications/notification-stream.ts'];

/** The dictionary for each language (core/i18n/locales.ts); the server picks one by Accept-Language. */
const DICTIONARIES = { en: 'src/app/core/i18n/en.ts', es: 'src/app/core/i18n/es.ts' };

/**
 * Pages by path (a regular expression over the whole path; `$1`… in `fetches` are its groups,
 * which must only match characters safe in a URL). The overview asks for the campaign and its
 * dashboard (campaigns/campaign-overview-page.ts).
 */
const PAGES = [
  {
    path: `^/campaigns/(${UUID})$`,
    sources: [...SIGNED_IN, 'src/app/campaigns/campaigns.routes.ts'],
    fetches: ['/api/campaigns/$1', '/api/campaigns/$1/dashboard'],
  },
];

const dist = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'demarche'));
const { outputs } = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));

/** The output file (under browser/) built from each entry source, and its static imports. */
const chunkOf = new Map();
for (const [file, output] of Object.entries(outputs)) {
  if (file.endsWith('.js') && output.entryPoint) chunkOf.set(output.entryPoint, file);
}
function closure(files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  files.forEach(visit);
  return seen;
}
function chunk(source) {
  const file = chunkOf.get(source);
  if (!file) {
    throw new Error(`page-preloads: ${source} is not the entry of any chunk of the build; update frontend/scripts/page-preloads.mjs`);
  }
  return file;
}

const initial = closure([chunk('src/main.ts')]);
/** URLs (from the site's root) of the chunks `sources` need that index.html does not load. */
function modules(sources) {
  return [...closure(sources.map(chunk))]
    .filter((file) => !initial.has(file))
    .map((file) => `/${file.replace(/^browser\//, '')}`)
    .sort();
}

const manifest = {
  everyPage: { modules: modules(EVERY_PAGE.sources), fetches: EVERY_PAGE.fetches },
  dictionaries: Object.fromEntries(Object.entries(DICTIONARIES).map(([locale, source]) => [locale, modules([source])])),
  pages: PAGES.map((page) => ({ path: page.path, modules: modules(page.sources), fetches: page.fetches })),
};
writeFileSync(join(dist, 'page-preloads.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const count = (m) => m.modules.length;
console.log(
  `page-preloads: every page ${count(manifest.everyPage)} chunks; ${manifest.pages.map((p) => `${p.path} ${count(p)} chunks + ${p.fetches.length} requests`).join('; ')}`,
);
