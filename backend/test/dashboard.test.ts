import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';
import { json } from './support/http.js';

const FRONTEND = resolve(fileURLToPath(import.meta.url), '../../../frontend');

describe('serving the dashboard', () => {
  let api: RunningApp;

  beforeAll(async () => {
    // A folder of its own around it: the server looks for page-preloads.json beside the folder.
    const dir = join(mkdtempSync(join(tmpdir(), 'demarche-dist-')), 'browser');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Demarche</title><app-root></app-root>');
    writeFileSync(join(dir, 'main-ABCD1234.js'), 'console.log(1)');
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startApi(testConfig({ PUBLIC_DIR: dir }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves the app shell at / and for client-side routes, never cached', async () => {
    for (const path of ['/', '/campaigns/123/overview', '/sign-in?next=%2F']) {
      const r = await fetch(api.url + path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(await r.text()).toContain('<app-root>');
      // No page-preloads.json beside this folder (a build from before it): nothing announced.
      expect(r.headers.get('link')).toBeNull();
    }
  });

  it('serves hashed assets as immutable and other files briefly cached', async () => {
    const hashed = await fetch(`${api.url}/main-ABCD1234.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toContain('immutable');
    const icon = await fetch(`${api.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).not.toContain('immutable');
  });

  it('answers a missing asset with 404, not the shell', async () => {
    const r = await fetch(`${api.url}/main-MISSING1.js`);
    expect(r.status).toBe(404);
  });

  it('does not serve files outside the folder', async () => {
    const r = await fetch(`${api.url}/..%2f..%2fetc%2fpasswd`);
    expect(r.status).not.toBe(500);
    expect(await r.text()).not.toContain('root:');
  });

  it('leaves /api to the API', async () => {
    const r = await fetch(`${api.url}/api/unknown`);
    expect(r.status).toBe(404);
    expect((await json(r)).code).toBe('not_found');
  });
});

describe('without a built dashboard', () => {
  it('explains at / how to build it, as a JSON 404', async () => {
    const config = { ...testConfig(), publicDir: null };
    const api = await startApi(config);
    try {
      const r = await fetch(`${api.url}/`);
      expect(r.status).toBe(404);
      expect((await json(r)).message).toMatch(/npm run build/);
    } finally {
      await api.close();
    }
  });
});

describe("announcing a page's chunks and first requests with its HTML", () => {
  let api: RunningApp;
  const id = '0b9c6f8e-2a57-4c1e-9d3f-5e8a7b6c4d21';

  beforeAll(async () => {
    // As the build lays it out: the served folder, and the manifest beside it.
    const root = mkdtempSync(join(tmpdir(), 'demarche-dist-'));
    mkdirSync(join(root, 'browser'));
    writeFileSync(join(root, 'browser', 'index.html'), '<!doctype html><title>Demarche</title><app-root></app-root>');
    writeFileSync(join(root, 'browser', 'chunk-FRAME111.js'), 'export {}');
    writeFileSync(
      join(root, 'page-preloads.json'),
      JSON.stringify({
        everyPage: { modules: ['/chunk-FRAME111.js'], fetches: ['/api/me'] },
        dictionaries: { en: ['/chunk-EN111111.js'], es: ['/chunk-ES111111.js'] },
        pages: [
          {
            path: '^/campaigns/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
            modules: ['/chunk-CAMPAIGN.js', '/chunk-FRAME111.js'],
            fetches: ['/api/campaigns/$1', '/api/campaigns/$1/dashboard'],
          },
          { path: '^/loose/(.*)$', modules: [], fetches: ['/api/loose/$1'] },
        ],
      }),
    );
    api = await startApi(testConfig({ PUBLIC_DIR: join(root, 'browser') }));
  });
  afterAll(async () => {
    await api.close();
  });

  const linkOf = async (path: string, language = 'en-US,en;q=0.9') =>
    (await fetch(api.url + path, { headers: { 'accept-language': language } })).headers.get('link');
  const modules = (...urls: string[]) => urls.map((url) => `<${url}>; rel=modulepreload`);
  const fetches = (...urls: string[]) => urls.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`);

  it("announces a campaign overview's chunks, each once, its dictionary, and its three API requests", async () => {
    expect(await linkOf(`/campaigns/${id}`)).toBe(
      [
        ...modules('/chunk-FRAME111.js', '/chunk-EN111111.js', '/chunk-CAMPAIGN.js'),
        ...fetches('/api/me', `/api/campaigns/${id}`, `/api/campaigns/${id}/dashboard`),
      ].join(', '),
    );
  });

  it('picks the dictionary by Accept-Language, in its order, English when it has none of them', async () => {
    const dictionary = async (language: string) => (await linkOf('/', language))?.match(/chunk-(EN|ES)111111/)?.[1];
    expect(await dictionary('es-419,es;q=0.9,en;q=0.8')).toBe('ES');
    expect(await dictionary('fr-FR, es;q=0.5')).toBe('ES');
    expect(await dictionary('fr-FR, de')).toBe('EN');
    expect(await dictionary('')).toBe('EN');
  });

  it('announces only what every page needs elsewhere, nothing for a malformed id, and nothing on assets or the API', async () => {
    const everyPage = [...modules('/chunk-FRAME111.js', '/chunk-EN111111.js'), ...fetches('/api/me')].join(', ');
    for (const path of ['/', '/campaigns', `/campaigns/${id}/timeline`, '/campaigns/123', `/campaigns/${id.toUpperCase()}x`]) {
      expect(await linkOf(path), path).toBe(everyPage);
    }
    expect((await fetch(`${api.url}/chunk-FRAME111.js`)).headers.get('link')).toBeNull();
    expect((await fetch(`${api.url}/api/unknown`)).headers.get('link')).toBeNull();
  });

  it('leaves out a URL that is not plainly a path, whatever the page pattern lets through', async () => {
    expect(await linkOf('/loose/ok-1')).toContain('</api/loose/ok-1>');
    const link = await linkOf('/loose/a%3E%2C%20%3C%2Fevil');
    expect(link).not.toContain('/api/loose');
    expect(link).not.toContain('evil');
  });
});

/** A GET whose body arrives as sent (fetch would decompress it). */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('compression', () => {
  let api: RunningApp;
  const script = 'console.log("Demarche");\n'.repeat(200);

  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'demarche-dist-')), 'browser');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Demarche</title><app-root></app-root>${'<!-- -->'.repeat(200)}`);
    writeFileSync(join(dir, 'main-ABCD1234.js'), script);
    // The build's own step writes the .br and .gz files.
    execFileSync(process.execPath, [join(FRONTEND, 'scripts/precompress.mjs'), dir], { stdio: 'ignore' });
    api = await startApi(testConfig({ PUBLIC_DIR: dir }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves the dashboard’s files pre-compressed to a client that accepts brotli or gzip, and as they are otherwise', async () => {
    const br = await rawGet(`${api.url}/main-ABCD1234.js`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gz = await rawGet(`${api.url}/main-ABCD1234.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await rawGet(`${api.url}/main-ABCD1234.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const shell = await rawGet(`${api.url}/campaigns/1`, { 'accept-encoding': 'br' });
    expect(shell.headers['content-encoding']).toBe('br');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(shell.body).toString()).toContain('<app-root>');
  });

  it('compresses large JSON answers of the API for a client that asks, and only then', async () => {
    const plain = await rawGet(`${api.url}/api/openapi.json`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const document = JSON.parse(plain.body.toString()) as unknown;

    const br = await rawGet(`${api.url}/api/openapi.json`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(document);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);

    const gz = await rawGet(`${api.url}/api/openapi.json`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(document);
  });

  it('leaves small answers as they are', async () => {
    const r = await rawGet(`${api.url}/api/unknown`, { 'accept-encoding': 'br' });
    expect(r.status).toBe(404);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(r.body.toString())).toMatchObject({ code: 'not_found' });
  });
});
