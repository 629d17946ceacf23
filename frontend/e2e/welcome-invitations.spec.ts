import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { request as playwrightRequest, type Page } from '@playwright/test';

import { demoLogin } from './demo-logins';
import { expect, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * An invitation to join a campaign, from the welcome (home) page. The demo coordinator (of the
 * founding campaign's lead organization) starts a campaign through the API and invites "Example
 * member organization (demo)"; the demo admin, who belongs to it, answers on their home page.
 * Named to run last: the campaign it creates would otherwise show in other specs' lists.
 */

const INVITED = 'Example member organization (demo)';
const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

async function shoot(page: Page, name: string, fullPageOnPhone = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [label, width, height] of [
    ['desktop', 1280, 900],
    ['390', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}${name}-${label}.png`, fullPage: fullPageOnPhone && label === '390' });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an organization invited to a campaign answers on its home page; the inviters see "invited" until then', async ({ page, baseURL }) => {
  // The coordinator, through the API: a campaign, the organization found by name, the invitation.
  const api = await playwrightRequest.newContext({ baseURL: baseURL ?? '' });
  const { email, password } = demoLogin('coordinator');
  const login = await api.post('/api/auth/login', { data: { email, password } });
  const csrf = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const title = 'Access for independent monitors';
  const created = await api.post('/api/campaigns', {
    headers: csrf,
    data: { title, summary: 'A joint request that independent monitors be let into the detention centres.' },
  });
  expect(created.status()).toBe(201);
  const campaignId = ((await created.json()) as { id: string }).id;
  const found = (await (await api.get(`/api/organizations/names?q=${encodeURIComponent('Example member')}`)).json()) as {
    items: { id: string; name: string }[];
  };
  const organizationId = found.items.find((o) => o.name === INVITED)?.id ?? '';
  const invited = await api.put(`/api/campaigns/${campaignId}/organizations/${organizationId}`, {
    headers: csrf,
    data: { role: 'signatory' },
  });
  expect(invited.status()).toBe(202);
  await api.dispose();

  // The coordinator's overview names the invited organization, marked "invited".
  await signInAs(page, 'coordinator');
  await page.goto(`/campaigns/${campaignId}`);
  await expect(page.locator('[data-invitations]')).toHaveText(`Invited, awaiting an answer: ${INVITED} (signatory) invited`);
  await shoot(page, 'overview-invited-en', false);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('link', { name: /^Your profile:/ })).toHaveCount(0);

  // The invited organization's admin finds it on the home page.
  await signInAs(page, 'admin');
  await page.goto('/');
  const card = page.locator('[data-invitation-id]').filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Invitations to join a campaign' })).toBeVisible();
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(title);
  await expect(card).toContainText('Demo coordinator (example)');
  await expect(card).toContainText('invites your organization to join as a signatory.');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shoot(page, 'home-invitation-en');

  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 2, name: 'Invitaciones a unirse a una campaña' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Aceptar' })).toBeVisible();
  await shoot(page, 'home-invitation-es');
  await page.getByLabel('Idioma').selectOption('en');
  await expect(card.getByRole('button', { name: 'Accept' })).toBeVisible();

  await card.getByRole('button', { name: 'Accept' }).click();
  await expect(card.getByRole('status')).toContainText('Accepted: your organization is now part of this campaign.');
  await shoot(page, 'home-invitation-accepted-en');
  await card.getByRole('link', { name: 'Open the campaign' }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.head')).toContainText(INVITED);
  await expect(page.locator('[data-invitations]')).toHaveCount(0);
});
