import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { test as base, expect, type Page } from '@playwright/test';

/**
 * axe-core's source, evaluated in the page through DevTools. (`page.addScriptTag` would insert
 * an inline <script>, which the server's Content-Security-Policy rightly blocks; bypassing CSP
 * for the whole test would also hide CSP violations of the app itself.)
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** An HTTP error answer a test expects, e.g. the 401 of a wrong password. */
interface ExpectedHttpError {
  readonly path: string;
  readonly status: number;
}

/**
 * Chromium reports every 4xx/5xx answer to `fetch` as a console error ("Failed to load resource:
 * the server responded with a status of 401"), whether or not the page handles it. Those are
 * exempt only when expected: always the 401 of `GET /api/me`, which is how a signed-out browser
 * learns it is signed out at start-up; and, per test, the ones it declares with
 * `expectHttpError` (a wrong password's 401). Any other console error still fails the test.
 */
const ALWAYS_EXPECTED: readonly ExpectedHttpError[] = [{ path: '/api/me', status: 401 }];

/**
 * Every test fails if the page logs a console error, throws, makes a request that fails, or
 * contacts any origin but its own (no fonts, CDNs or trackers).
 */
export const test = base.extend<{
  expectedHttpErrors: ExpectedHttpError[];
  /** Declares an HTTP error answer this test provokes on purpose (see ALWAYS_EXPECTED). */
  expectHttpError: (path: string, status: number) => void;
  problems: string[];
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  expectedHttpErrors: async ({}, use) => {
    await use([...ALWAYS_EXPECTED]);
  },
  expectHttpError: async ({ expectedHttpErrors }, use) => {
    await use((path, status) => expectedHttpErrors.push({ path, status }));
  },
  problems: [
    async ({ page, baseURL, expectedHttpErrors }, use) => {
      const origin = new URL(baseURL ?? '').origin;
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const status = /the server responded with a status of (\d{3})/.exec(message.text())?.[1];
        const url = message.location().url;
        if (status && url && isExpected(expectedHttpErrors, origin, url, Number(status))) return;
        problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
          problems.push(`request to another origin: ${request.url()}`);
        }
      });
      page.on('requestfailed', (request) => {
        // A request the page itself cancels by navigating away (a reload mid-fetch) is not a failure.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
      });
      await use(problems);
      expect(problems, 'console errors, failed or third-party requests').toEqual([]);
    },
    { auto: true },
  ],
});

function isExpected(expected: readonly ExpectedHttpError[], origin: string, url: string, status: number): boolean {
  const parsed = new URL(url);
  return parsed.origin === origin && expected.some((e) => e.path === parsed.pathname && e.status === status);
}

export { expect };

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }[];
}
