import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { test as base, expect, type Page } from '@playwright/test';

/**
 * axe-core's source, evaluated in the page through DevTools. (`page.addScriptTag` would insert
 * an inline <script>, which the server's Content-Security-Policy rightly blocks; bypassing CSP
 * for the whole test would also hide CSP violations of the app itself.)
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every test fails if the page logs a console error, throws, makes a request that fails, or
 * contacts any origin but its own (no fonts, CDNs or trackers).
 */
const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? '').origin;
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`console error: ${message.text()}`);
        }
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

async function expectOperational(page: Page, operational = 'Operational'): Promise<void> {
  const panel = page.getByRole('region', { name: /Service status|Estado del servicio/ });
  await expect(panel).toBeVisible();
  for (const component of ['api', 'database', 'redis']) {
    await expect(panel.locator(`[data-component="${component}"]`)).toContainText(operational);
  }
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
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

test('home page shows the heading and the service status, all operational', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Demarche');
  await expect(page.getByRole('banner')).toContainText('Demarche');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText('Overview');
  await expectOperational(page);
  await expect(page.getByRole('status')).toHaveText('All systems are operational.');
  await expect(page).toHaveTitle('Overview · Demarche');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('switching to Español translates the page and survives a reload', async ({ page }) => {
  await page.goto('/');
  await expectOperational(page);

  await page.getByLabel('Language').selectOption({ label: 'Español' });

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le damos la bienvenida a Demarche');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByLabel('Idioma')).toHaveValue('es');
  await expect(page).toHaveTitle('Resumen · Demarche');
  await expectOperational(page, 'Operativo');

  await page.reload();

  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le damos la bienvenida a Demarche');
  await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeAttached();
  await expectOperational(page, 'Operativo');
});

test('an unknown route shows the not-found page with a way home', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found · Demarche');

  await page.getByRole('link', { name: 'Go to the overview' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Demarche');
  await expectOperational(page);
});

test('the skip link is the first Tab stop and moves focus to main', async ({ page }) => {
  for (const path of ['/', '/no-such-page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path === '/') {
      await expectOperational(page);
    }

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();

    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    expect(new URL(page.url()).pathname).toBe(path);
  }
});

test('no serious or critical accessibility violations on home and not-found', async ({ page }) => {
  await page.goto('/');
  await expectOperational(page);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(await seriousAxeViolations(page)).toEqual([]);
});
