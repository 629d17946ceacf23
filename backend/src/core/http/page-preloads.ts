import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What the build writes (frontend/scripts/page-preloads.mjs): chunks and API requests per page. */
const Manifest = z.object({
  everyPage: z.object({ modules: z.array(z.string()), fetches: z.array(z.string()) }),
  dictionaries: z.record(z.string(), z.array(z.string())),
  pages: z.array(z.object({ path: z.string(), modules: z.array(z.string()), fetches: z.array(z.string()) })),
});

/** A path from the site's root with nothing that could end or bend a `Link` header. */
const SAFE_URL = /^\/[A-Za-z0-9._~/-]*$/;

export type PagePreloads = (path: string, acceptLanguage: string | undefined) => string | null;

/**
 * The `Link` header for a page of the dashboard: every chunk the page will import and every API
 * request it makes first, announced with its HTML so the browser fetches them at once instead of
 * one level of imports at a time (`rel=modulepreload`; `rel=preload; as=fetch` for the API — the
 * app's same-origin `fetch` of that URL then takes the preloaded answer). The dictionary is the
 * first of Accept-Language's languages the dashboard has, else the first it lists (English), as the
 * app chooses when nothing is saved. Null without a manifest (a build before it existed); a URL
 * that is not plainly a path is left out.
 */
export function loadPagePreloads(publicDir: string): PagePreloads | null {
  // Beside the served folder (browser/), not in it: the server reads it, nobody fetches it.
  const file = join(publicDir, '..', 'page-preloads.json');
  if (!existsSync(file)) return null;
  const manifest = Manifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  const pages = manifest.pages.map((page) => ({ ...page, pattern: new RegExp(page.path) }));
  const locales = Object.keys(manifest.dictionaries);
  return (path, acceptLanguage) => {
    const page = pages.find((p) => p.pattern.test(path));
    const fetches = [...manifest.everyPage.fetches, ...(page ? page.fetches.map((url) => path.replace(page.pattern, url)) : [])];
    const locale = preferredLocale(acceptLanguage, locales);
    const modules = new Set([
      ...manifest.everyPage.modules,
      ...(locale ? (manifest.dictionaries[locale] ?? []) : []),
      ...(page?.modules ?? []),
    ]);
    const links = [
      ...[...modules].filter((url) => SAFE_URL.test(url)).map((url) => `<${url}>; rel=modulepreload`),
      // crossorigin (anonymous) is the credentials mode of a same-origin fetch: the two match.
      ...fetches.filter((url) => SAFE_URL.test(url)).map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`),
    ];
    return links.length ? links.join(', ') : null;
  };
}

/** The first language of the header (in its order, as browsers send it) that `locales` has. */
function preferredLocale(acceptLanguage: string | undefined, locales: string[]): string | undefined {
  for (const range of (acceptLanguage ?? '').split(',')) {
    const base = range.split(';')[0]?.trim().toLowerCase().split('-')[0];
    if (base && locales.includes(base)) return base;
  }
  return locales[0];
}
