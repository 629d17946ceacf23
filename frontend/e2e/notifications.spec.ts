import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

import { demoLogin } from './demo-logins';
import { expect, saveScreenshot, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * The bell, the inbox and the preferences, as the demo member (of "Example member organization
 * (demo)", a signatory of the founding campaign). The coordinator acts through the API meanwhile.
 */

const MEMBER_ORGANIZATION = 'Example member organization (demo)';

/** The demo coordinator's API session: cookie kept by the context, CSRF token sent by hand. */
async function coordinatorApi(baseURL: string): Promise<{ api: APIRequestContext; csrf: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const { email, password } = demoLogin('coordinator');
  const login = await api.post('/api/auth/login', { data: { email, password } });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: { 'X-CSRF-Token': csrfToken } };
}

function bell(page: Page) {
  return page.getByRole('banner').getByRole('link', { name: /^Notifications, \d+ unread$/ });
}

async function unreadCount(page: Page): Promise<number> {
  await expect(bell(page)).toBeVisible();
  return Number(/(\d+) unread/.exec((await bell(page).getAttribute('aria-label')) ?? '')?.[1]);
}

test('a follow-up assigned to the member arrives live in the bell and the inbox', async ({ page, baseURL }) => {
  const streaming = page.waitForResponse((response) => response.url().endsWith('/api/notifications/stream'));
  await signInAs(page, 'member');
  await streaming;
  const before = await unreadCount(page);

  const { api, csrf } = await coordinatorApi(baseURL ?? '');
  const campaigns = (await (await api.get('/api/campaigns')).json()) as { items: { id: string; isExample: boolean }[] };
  const campaignId = campaigns.items.find((c) => !c.isExample)?.id ?? '';
  const campaign = (await (await api.get(`/api/campaigns/${campaignId}`)).json()) as { organizations: { id: string; name: string }[] };
  const organizationId = campaign.organizations.find((o) => o.name === MEMBER_ORGANIZATION)?.id ?? '';
  const title = `Check the live bell ${Date.now()}`;
  const created = await api.post(`/api/campaigns/${campaignId}/follow-ups`, {
    headers: csrf,
    data: { organizationId, title, dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString() },
  });
  expect(created.status()).toBe(201);
  await api.dispose();

  // No reload: the stream brings it.
  await expect(bell(page)).toHaveAttribute('aria-label', `Notifications, ${before + 1} unread`);
  await expect(page.getByRole('banner').locator('[aria-live="polite"]')).toContainText(title);

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  const item = page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Assignment');
  await expect(item).toContainText('Unread');
  await expect(item.getByRole('link')).toHaveAttribute('href', new RegExp(`^/campaigns/${campaignId}/follow-ups/[0-9a-f-]{36}$`));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'notifications');

  await item.getByRole('button', { name: /^Mark read: / }).click();
  await expect(item).not.toContainText('Unread');
  await expect(bell(page)).toHaveAttribute('aria-label', `Notifications, ${before} unread`);

  await page.getByRole('button', { name: 'Unread only' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
});

test('notification preferences are saved, kept after a reload, and put back', async ({ page }) => {
  await signInAs(page, 'member');
  await page.goto('/notifications');
  await page.getByRole('link', { name: 'Notification preferences' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notification preferences');
  await expect(page).toHaveTitle('Notification preferences · Demarche');

  const statusByEmail = page.getByLabel('Status change by e-mail');
  const digest = page.getByRole('checkbox', { name: /^One e-mail a day at 08:00/ });
  await expect(statusByEmail).not.toBeChecked();
  await expect(digest).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Muted campaigns' }).getByRole('checkbox')).not.toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'preferences');

  await statusByEmail.check();
  await digest.check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your notification preferences are saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Status change by e-mail')).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^One e-mail a day at 08:00/ })).toBeChecked();

  // Put it back, as the other specs expect.
  await page.getByLabel('Status change by e-mail').uncheck();
  await page.getByRole('checkbox', { name: /^One e-mail a day at 08:00/ }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your notification preferences are saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Status change by e-mail')).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^One e-mail a day at 08:00/ })).not.toBeChecked();
});

test('an expired session returns to sign-in, then back to the page you were on', async ({ page, expectHttpError }) => {
  expectHttpError('/api/campaigns', 401);
  await signInAs(page, 'member');
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');

  await page.context().clearCookies(); // the session ends, as when it expires
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcampaigns$/);
  await signInAs(page, 'member');
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');
});
