import type { Page } from '@playwright/test';

import { expect, seriousAxeViolations, test } from './fixtures';

async function expectOperational(page: Page, operational = 'Operational'): Promise<void> {
  const panel = page.getByRole('region', { name: /Service status|Estado del servicio/ });
  await expect(panel).toBeVisible();
  for (const component of ['api', 'database', 'redis']) {
    await expect(panel.locator(`[data-component="${component}"]`)).toContainText(operational);
  }
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
