import type { Page } from '@playwright/test';

import { demoLogin } from './demo-logins';
import { expect, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Sign-in, profile and API tokens against the real server, as the demo accounts it creates at
 * first start (E2E_DEMO_LOGINS). Every test signs in by itself and puts back what it changes.
 */

/** Waits for the API tokens panel of /profile to have its list (or its empty state). */
async function tokensLoaded(page: Page): Promise<void> {
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await expect(tokens.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expect(tokens.getByText('Loading your API tokens…')).toHaveCount(0);
}

/** The profile's fields as the API has them, to put them back after a test changes them. */
async function profileNow(page: Page): Promise<{ displayName: string; locale: string; timeZone: string; csrfToken: string }> {
  const response = await page.request.get('/api/me');
  expect(response.status()).toBe(200);
  const { user, csrfToken } = (await response.json()) as {
    user: { displayName: string; locale: string; timeZone: string };
    csrfToken: string;
  };
  return { displayName: user.displayName, locale: user.locale, timeZone: user.timeZone, csrfToken };
}

test('/profile signed out goes to sign-in, and signing in comes back to it', async ({ page }) => {
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demarche');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await signInAs(page, 'member');

  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expect(page).toHaveTitle('Your profile · Demarche');
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
});

test('a wrong password says so without saying which field, and marks both invalid', async ({ page, expectHttpError }) => {
  expectHttpError('/api/auth/login', 401); // the answer to a wrong password, shown on the page
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(demoLogin('member').email);
  await page.getByLabel('Password', { exact: true }).fill('certainly not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('E-mail or password is wrong.');
  const alertId = await alert.getAttribute('id');
  for (const field of [page.getByLabel('E-mail address'), page.getByLabel('Password', { exact: true })]) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', alertId ?? '');
  }
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('name and language are saved to the profile and survive a reload', async ({ page }) => {
  await signInAs(page, 'coordinator');
  const before = await profileNow(page);
  try {
    await page.getByRole('link', { name: /^Your profile:/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
    await expect(page.getByLabel('Time zone')).toHaveValue(before.timeZone);

    const name = `E2E Coordinator ${Date.now().toString(36)}`;
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Preferred language').selectOption({ label: 'Español' });
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su perfil');
    await expect(page.getByRole('status').filter({ hasText: 'Se ha guardado su perfil.' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');

    await page.reload();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su perfil');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByLabel('Su nombre')).toHaveValue(name);
    await expect(page.getByRole('link', { name: new RegExp(`^Su perfil: ${name}`) })).toBeVisible();
  } finally {
    // Put the profile back for the tests that sign in as this account.
    const { csrfToken } = await profileNow(page);
    const restored = await page.request.patch('/api/me', {
      data: { displayName: before.displayName, locale: before.locale, timeZone: before.timeZone },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(restored.status()).toBe(200);
  }
});

test('an API token is shown once, listed by its prefix, and revoked', async ({ page }) => {
  await signInAs(page, 'member');
  await page.goto('/profile');
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokensLoaded(page);

  const name = `e2e token ${Date.now().toString(36)}`;
  await tokens.getByLabel('Name', { exact: true }).fill(name);
  await tokens.getByRole('button', { name: 'Create token' }).click();

  const secretField = tokens.getByLabel('Token', { exact: true });
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await expect(secretField).toHaveAttribute('readonly', '');
  await expect(tokens.getByText('Copy it now and keep it somewhere safe: it will not be shown again.')).toBeVisible();
  await expect(tokens.getByRole('button', { name: 'Copy' })).toBeVisible();

  const row = tokens.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  const prefix = (await row.locator('code').innerText()).replace('…', '');
  expect(secret.startsWith(prefix)).toBe(true);

  await tokens.getByRole('button', { name: 'I have copied it' }).click();
  await expect(secretField).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await tokensLoaded(page);
  await expect(tokens.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  expect(await page.content()).not.toContain(secret); // never shown again

  await tokens.getByRole('button', { name: `Revoke the token ${name}` }).click();
  await expect(tokens.getByText(`Revoke “${name}”? Anything using it stops working at once.`)).toBeVisible();
  await tokens.getByRole('button', { name: 'Yes, revoke' }).click();

  await expect(tokens.getByRole('status')).toHaveText(`The token “${name}” has been revoked.`);
  await expect(tokens.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await page.reload();
  await tokensLoaded(page);
  await expect(tokens.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('signing out returns to the signed-out state, and /profile asks to sign in again', async ({ page }) => {
  await signInAs(page, 'member');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Your profile:/ })).toHaveCount(0);

  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
});

test('forgot password ends on the same neutral confirmation', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');

  await page.getByLabel('E-mail address').fill('nobody-here@example.org');
  await page.getByRole('button', { name: 'Send the link' }).click();

  await expect(page.getByRole('status')).toContainText('If an account uses that address, a link to choose a new password is on its way.');
  await expect(page.getByLabel('E-mail address')).toHaveCount(0);
});

test('no serious or critical accessibility violations on sign-in, forgot-password and profile', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demarche');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto('/sign-in?next=%2Fprofile');
  await signInAs(page, 'member');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await tokensLoaded(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
});
