import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../src/cli/emit-openapi.js';
import { startApi, type RunningApp } from './support/test-app.js';
import { json } from './support/http.js';

describe('OpenAPI document', () => {
  let api: RunningApp;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is served at /api/openapi.json, with the docs UI at /api/docs', async () => {
    const doc = await json(await fetch(`${api.url}/api/openapi.json`));
    expect(doc.info.title).toBe('Demarche API');
    expect(Object.keys(doc.paths)).toContain('/api/health');
    const ui = await fetch(`${api.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('matches the copy checked in under shared/, from which the dashboard client is generated', async () => {
    const checkedIn = readFileSync(OPENAPI_PATH, 'utf8');
    const current = await renderOpenApi();
    // If this fails, the API changed: run `npm run build -w @demarche/backend && npm run openapi` and commit the result.
    expect(JSON.parse(checkedIn)).toEqual(JSON.parse(current));
    const served = await json(await fetch(`${api.url}/api/openapi.json`));
    expect(served.paths).toEqual(JSON.parse(current).paths);
  });
});
