import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';
import { json } from './support/http.js';

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
