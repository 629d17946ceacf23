import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApp } from './support/test-app.js';

describe('security headers', () => {
  let api: RunningApp;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const csp = (header: string | null) =>
    Object.fromEntries(
      (header ?? '')
        .split(';')
        .filter(Boolean)
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );

  it('sends a strict policy with the dashboard and the API: no inline or third-party scripts, no framing', async () => {
    for (const path of ['/', '/api/health', '/api/me', '/api/nope']) {
      const response = await fetch(api.url + path);
      const policy = csp(response.headers.get('content-security-policy'));
      expect(policy['script-src'], path).toEqual(["'self'"]);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('loosens the policy for the API docs only', async () => {
    const docs = await fetch(`${api.url}/api/docs`);
    expect(docs.status).toBe(200);
    const policy = csp(docs.headers.get('content-security-policy'));
    expect(policy['script-src']).toContain("'unsafe-inline'");
    expect(policy['connect-src']).toEqual(["'self'"]);
  });
});
