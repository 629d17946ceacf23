import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config/config.js';
import { securityTxt } from '../src/core/http/security-txt.js';
import { createUser, signIn, type Browser } from './support/accounts.js';
import { startApi, type RunningApp } from './support/test-app.js';

describe('security headers', () => {
  let api: RunningApp;
  let admin: Browser;

  beforeAll(async () => {
    api = await startApi();
    admin = await signIn(api.url, (await createUser('admin')).email);
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

  it('denies powerful browser features on every answer', async () => {
    for (const path of ['/', '/api/health', '/api/me', '/api/nope', '/api/docs', '/.well-known/security.txt']) {
      const response = await fetch(api.url + path);
      await response.arrayBuffer();
      const policy = response.headers.get('permissions-policy') ?? '';
      const denied = Object.fromEntries(policy.split(',').map((d) => d.trim().split('=')));
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort', 'browsing-topics']) {
        expect(denied[feature], `${path} ${feature}`).toBe('()');
      }
    }
  });

  it('keeps every API answer out of caches, signed in or not, errors included', async () => {
    const cookie = { cookie: admin.cookie };
    for (const [path, headers] of [
      ['/api/me', cookie],
      ['/api/users', cookie],
      ['/api/me/tokens', cookie],
      ['/api/organizations', cookie],
      ['/api/me', {}],
      ['/api/users/not-a-uuid', cookie],
      ['/api/nope', cookie],
      ['/api/health', {}],
    ] as const) {
      const response = await fetch(api.url + path, { headers });
      await response.arrayBuffer();
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    // Signed in by token too, and on writes.
    const signOut = await fetch(`${api.url}/api/auth/logout`, { method: 'POST', headers: cookie });
    await signOut.arrayBuffer();
    expect(signOut.status).toBe(403); // no CSRF token
    expect(signOut.headers.get('cache-control')).toBe('no-store');
  });

  it('lets the docs and the dashboard keep their own caching', async () => {
    for (const path of ['/api/openapi.json', '/api/docs/swagger-ui.css']) {
      const response = await fetch(api.url + path);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).not.toBe('no-store');
    }
    // The dashboard's shell and files (dashboard.test.ts checks their caching), built or not.
    const shell = await fetch(`${api.url}/sign-in`);
    await shell.arrayBuffer();
    expect(shell.headers.get('cache-control')).not.toBe('no-store');
  });

  it('serves /.well-known/security.txt to anyone (RFC 9116)', async () => {
    const response = await fetch(`${api.url}/.well-known/security.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const fields = Object.fromEntries(
      (await response.text())
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
    expect(fields['Contact']).toMatch(/^mailto:security@/);
    expect(fields['Preferred-Languages']).toBe('en, es');
    expect(fields['Canonical']).toMatch(/^http:\/\/.+\/\.well-known\/security\.txt$/);
    const expires = Date.parse(fields['Expires']!);
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 365 * 86_400_000);
  });

  it('takes the security contact from SECURITY_CONTACT, and refuses one that is not a URI', () => {
    const config = loadConfig({ SECURITY_CONTACT: 'https://example.org/report', PUBLIC_URL: 'https://demarche.example.org/' });
    const text = securityTxt(config, new Date('2026-03-01T12:00:00Z'));
    expect(text).toBe(
      'Contact: https://example.org/report\n' +
        'Expires: 2026-03-31T00:00:00.000Z\n' +
        'Canonical: https://demarche.example.org/.well-known/security.txt\n' +
        'Preferred-Languages: en, es\n',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://demarche.example.org' }).securityContact).toBe('mailto:security@demarche.example.org');
    expect(() => loadConfig({ SECURITY_CONTACT: 'security@example.org' })).toThrow(/SECURITY_CONTACT/);
  });
});
