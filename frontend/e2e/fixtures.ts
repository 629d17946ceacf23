import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { test as base, expect, type Page } from '@playwright/test';

import { demoLogin, type DemoRole } from './demo-logins';

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

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Saves what a person sees first on this page (1280×900, the top of it) to docs/screenshots/,
 * for the README. Not full-page: the README shows the first screen, and the repository stays small.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** Signs in as a demo account through the sign-in page, and waits until the app has moved on. */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  const { email, password } = demoLogin(role);
  if (!page.url().includes('/sign-in')) {
    await page.goto('/sign-in');
  }
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: /^Your profile:/ })).toBeVisible();
  await expect(page).not.toHaveURL(/\/sign-in/); // on the page it went on to, not still leaving
}
