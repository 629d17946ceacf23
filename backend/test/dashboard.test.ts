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
    const dir = mkdtempSync(join(tmpdir(), 'demarche-public-'));
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
    const dir = mkdtempSync(join(tmpdir(), 'demarche-public-'));
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
