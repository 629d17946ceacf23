import { request as playwrightRequest, type Page } from '@playwright/test';

import { demoLogin } from './demo-logins';
import { expect, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 19, the first slice, against the real server: the demo coordinator sets up a campaign on
 * screen only — the letter, two demands to two offices of the demo directory (one due at a time
 * in Geneva, one at the end of the current officeholder's term), reordered — reviews it and marks
 * it as sent; the overview then shows its demands sent, the list the campaign active. Once on a
 * desktop, once on a phone.
 *
 * Other specs take the demo coordinator's newest campaign for the founding one: afterwards an
 * administrator hands each campaign made here to an organization of its own (through the API),
 * so that it leaves the demo coordinator's lists.
 */

const VIEWPORTS = [
  { label: 'desktop', width: 1366, height: 900 },
  { label: 'phone', width: 390, height: 844 },
] as const;

interface OfficeItem {
  id: string;
  title: string;
  institutionName: string;
  currentHolder: { holderName: string; endsOn: string | null } | null;
}

/**
 * An office whose current holder's term ends later than today: one of the demo directory's
 * (Guterres, until 2026-12-31), or, once no demo term is current with an end date, one this test
 * adds to the directory through the API — so that the test does not expire with the demo data.
 */
async function officeWithTermEnd(
  page: Page,
  baseURL: string,
): Promise<OfficeItem & { currentHolder: { holderName: string; endsOn: string } }> {
  const response = await page.request.get('/api/offices?limit=200');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: OfficeItem[] };
  const today = new Date().toISOString().slice(0, 10);
  const office = items.find((o) => !!o.currentHolder?.endsOn && o.currentHolder.endsOn >= today);
  if (office) return office as OfficeItem & { currentHolder: { holderName: string; endsOn: string } };
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const { email, password } = demoLogin('admin');
    const login = await api.post('/api/auth/login', { data: { email, password } });
    expect(login.status()).toBe(200);
    const headers = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const stamp = Date.now().toString(36);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const institution = await api.post('/api/institutions', {
      headers,
      data: { name: `Inter-American Commission ${stamp}`, seatTimeZone: 'America/New_York' },
    });
    expect(institution.status()).toBe(201);
    const institutionJson = (await institution.json()) as { id: string; name: string };
    const created = await api.post(`/api/institutions/${institutionJson.id}/offices`, { headers, data: { title: 'President' } });
    expect(created.status()).toBe(201);
    const officeId = ((await created.json()) as { id: string }).id;
    const holderName = `Rapporteur ${stamp}`;
    const term = await api.post(`/api/offices/${officeId}/terms`, { headers, data: { holderName, startsOn: day(-30), endsOn: day(200) } });
    expect(term.status()).toBe(201);
    return { id: officeId, title: 'President', institutionName: institutionJson.name, currentHolder: { holderName, endsOn: day(200) } };
  } finally {
    await api.dispose();
  }
}

/** The page fits the viewport's width: nothing to scroll sideways (a phone at 390 px included). */
async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: wider than the viewport`).toBeLessThanOrEqual(0);
}

/** Gives the campaign to a new organization (an administrator, through the API) and takes it from the demo coordinator's. */
async function handOver(baseURL: string, campaignId: string): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const { email, password } = demoLogin('admin');
    const login = await api.post('/api/auth/login', { data: { email, password } });
    expect(login.status()).toBe(200);
    const headers = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const created = await api.post('/api/organizations', {
      headers,
      data: { name: `Campaign set-up test organization ${Date.now().toString(36)}` },
    });
    expect(created.status()).toBe(201);
    const organizationId = ((await created.json()) as { id: string }).id;
    const campaign = (await (await api.get(`/api/campaigns/${campaignId}`)).json()) as { organizations: { id: string }[] };
    expect(
      (await api.put(`/api/campaigns/${campaignId}/organizations/${organizationId}`, { headers, data: { role: 'lead' } })).status(),
    ).toBe(200);
    for (const organization of campaign.organizations) {
      expect((await api.delete(`/api/campaigns/${campaignId}/organizations/${organization.id}`, { headers })).status()).toBe(200);
    }
  } finally {
    await api.dispose();
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`on a ${viewport.label}, ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('a coordinator sets up a campaign on screen, reorders its demands, reviews it and marks it as sent', async ({ page, baseURL }) => {
      const stamp = `${viewport.label} ${Date.now().toString(36)}`;
      const title = `Access for independent monitors (e2e ${stamp})`;
      const geneva = `Facilitating a visit to the detention centres by the Special Rapporteur on torture (${stamp})`;
      const envoy = `Appointing a Special Envoy with unimpeded access to CECOT (${stamp})`;
      // Yesterday in UTC: a day that has come everywhere, so nothing blocks the send.
      const letterDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      let campaignId = '';

      await signInAs(page, 'coordinator');
      const termOffice = await officeWithTermEnd(page, baseURL!);
      try {
        // The list offers "New campaign".
        await page.goto('/campaigns');
        await page.getByRole('link', { name: 'New campaign' }).click();
        await expect(page).toHaveURL(/\/campaigns\/new$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('New campaign');
        const steps = page.getByRole('navigation', { name: 'Set-up steps' });
        await expect(steps.locator('[aria-current="step"]')).toHaveText('The letter');
        await expect(steps.getByRole('listitem')).toHaveText([/The letter$/, /Addressees and demands$/, /Review and send$/]);
        await expect(steps.getByRole('link')).toHaveCount(0); // nothing to go to before the draft exists
        expect(await seriousAxeViolations(page), 'axe: the letter of a new campaign').toEqual([]);
        await expectNoSideScroll(page, 'the letter');

        // Step 1: the letter.
        await page.getByRole('button', { name: 'Create the draft and continue' }).click();
        await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
        await expect(page.getByText('Give the campaign a title.')).toBeVisible();
        await page.getByLabel('Title', { exact: true }).fill(title);
        await page.getByLabel('Date of the letter').fill(letterDate);
        await page.getByLabel('Summary (optional)').fill('A joint request that independent monitors be let into the detention centres.');
        await page.getByLabel('Full text of the letter (optional)').fill('Dear Secretary-General,\n\nWe write to you about CECOT…');
        await page.getByRole('button', { name: 'Create the draft and continue' }).click();
        await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/setup\/demands$/);
        campaignId = /\/campaigns\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(steps.locator('[aria-current="step"]')).toHaveText('Addressees and demands');
        await expect(page.getByRole('status').filter({ hasText: 'The draft campaign has been created.' })).toBeVisible();
        await expect(page.getByText('No demands yet. Add the first one below.')).toBeVisible();

        // Demand 1: the High Commissioner, due at 18:00 in Geneva on a day in 2030.
        const addressee = page.getByRole('combobox', { name: 'Addressee' });
        await addressee.fill('High Commissioner for Human');
        await expect(page.getByRole('option', { name: /United Nations High Commissioner for Human Rights/ })).toBeVisible();
        expect(await seriousAxeViolations(page), 'axe: the demands step, the office picker open').toEqual([]);
        await addressee.press('ArrowDown');
        await addressee.press('Enter');
        await expect(addressee).toHaveValue(/— United Nations High Commissioner for Human Rights$/);
        await page.getByLabel('The letter’s words').fill(geneva);
        await page.getByLabel('Category').selectOption('investigation');
        await page.getByLabel('A day and time').check();
        await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Zurich');
        await page.getByLabel('Day', { exact: true }).fill('2030-06-16');
        await page.getByLabel('Time', { exact: true }).fill('18:00');
        await page.getByRole('button', { name: 'Add the demand' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Demand 1 has been added' })).toBeVisible();
        await expect(page.locator('.demand').first()).toContainText('Deadline: Jun 16, 2030, 06:00 PM GMT+2 (Europe/Zurich)');

        // Demand 2: the office found by its holder's name, due at the end of the holder's term.
        await addressee.fill(termOffice.currentHolder.holderName);
        await page.getByRole('option', { name: new RegExp(termOffice.title) }).click();
        await expect(addressee).toHaveValue(`${termOffice.institutionName} — ${termOffice.title}`);
        await page.getByLabel('The letter’s words').fill(envoy);
        await page.getByLabel('Category').selectOption('other');
        await page.getByLabel('The end of the officeholder’s term').check();
        await page.getByRole('button', { name: 'Add the demand' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Demand 2 has been added' })).toBeVisible();
        await expect(page.locator('.demand')).toHaveText([
          new RegExp(geneva.replace(/[()]/g, '.')),
          new RegExp(envoy.replace(/[()]/g, '.')),
        ]);
        await expect(page.locator('.demand').nth(1)).toContainText('the end of the officeholder’s term');
        expect(await seriousAxeViolations(page), 'axe: the demands step with two demands').toEqual([]);
        await expectNoSideScroll(page, 'the demands');

        // The envoy first: move it up.
        await page.getByRole('button', { name: 'Move up (demand 2)' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'The demand is now number 1.' })).toBeVisible();
        await expect(page.locator('.demand').first()).toContainText(envoy);
        await expect(page.getByRole('button', { name: 'Move down (demand 1)' })).toBeFocused();

        // Step 3: review and send.
        await page.getByRole('link', { name: 'Continue to the review' }).click();
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/review$`));
        await expect(steps.locator('[aria-current="step"]')).toHaveText('Review and send');
        await expect(page.locator('[data-summary]')).toContainText('makes 2 demands of 2 addressees; 2 have a deadline.');
        await expect(page.locator('[data-blocker]')).toHaveCount(0);
        expect(await seriousAxeViolations(page), 'axe: the review').toEqual([]);
        await expectNoSideScroll(page, 'the review');
        await page.getByRole('button', { name: 'Mark as sent' }).click();

        // The overview: its demands sent, in the new order.
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
        await expect(page.getByRole('status').filter({ hasText: 'The campaign has been marked as sent.' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(page.getByRole('link', { name: 'Continue set-up' })).toHaveCount(0);
        const scorecard = page.getByRole('table', { name: /Each addressee and the demands/ });
        await expect(scorecard.locator('tr.demand')).toHaveCount(2);
        await expect(scorecard.locator('tr.demand[data-status="sent"]')).toHaveCount(2);
        await expect(scorecard).toContainText(envoy);
        await expect(scorecard).toContainText(geneva);

        // The list: the campaign is active, and its title opens the overview.
        await page.goto('/campaigns');
        const item = page.locator(`[data-campaign-id="${campaignId}"]`);
        await expect(item.locator('.tag').first()).toHaveText('Active');
        await expect(item.getByRole('link', { name: title })).toHaveAttribute('href', `/campaigns/${campaignId}`);
      } finally {
        if (campaignId) await handOver(baseURL ?? '', campaignId);
      }
    });
  });
}

test.describe('a draft left for later', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('opens its set-up from the list and the overview, resumes where it stopped, and can be discarded', async ({ page }) => {
    const title = `Draft to discard (e2e ${Date.now().toString(36)})`;
    let campaignId = '';
    let discarded = false;
    await signInAs(page, 'coordinator');
    try {
      await page.goto('/campaigns/new');
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByRole('button', { name: 'Create the draft and continue' }).click();
      await expect(page).toHaveURL(/\/setup\/demands$/);
      campaignId = /\/campaigns\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';

      // Without a letter date, the set-up resumes at the letter.
      await page.goto('/campaigns');
      await page.locator(`[data-campaign-id="${campaignId}"]`).getByRole('link', { name: title }).click();
      await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/letter$`));
      await expect(page.getByRole('navigation', { name: 'Set-up steps' }).locator('[aria-current="step"]')).toHaveText('The letter');

      // The overview of a draft offers to continue.
      await page.goto(`/campaigns/${campaignId}`);
      await page.getByRole('link', { name: 'Continue set-up' }).click();
      await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/letter$`));

      await page.getByRole('button', { name: 'Discard draft' }).click();
      await expect(page.getByText(`Discard “${title}” and everything set up in it? This cannot be undone.`)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Yes, discard' })).toBeFocused();
      expect(await seriousAxeViolations(page), 'axe: discarding a draft').toEqual([]);
      await page.getByRole('button', { name: 'Yes, discard' }).click();
      await expect(page).toHaveURL(/\/campaigns$/);
      discarded = true;
      await expect(page.getByRole('status').filter({ hasText: 'The draft campaign has been discarded.' })).toBeVisible();
      await expect(page.locator(`[data-campaign-id="${campaignId}"]`)).toHaveCount(0);
    } finally {
      // Left behind by a failure, it would be the demo coordinator's newest campaign in other specs.
      if (campaignId && !discarded) {
        const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
        await page.request.delete(`/api/campaigns/${campaignId}`, { headers: { 'X-CSRF-Token': csrfToken } });
      }
    }
  });
});
