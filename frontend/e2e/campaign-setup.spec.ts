import { request as playwrightRequest, type Page } from '@playwright/test';

import { demoLogin } from './demo-logins';
import { expect, saveScreenshot, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 19 against the real server, through the screens only: the demo coordinator sets up a new
 * campaign for a letter of its own — the letter; the coalition (an organization invited, then the
 * invitation withdrawn); a milestone; three demands to two addressees, one of them a new
 * institution, office and officeholder added inline, with the three deadline forms (a day and
 * time in Geneva, the end of the new officeholder's term, the milestone); the order changed; its
 * own reminders — reviews it and marks it as sent. The overview then shows the demands sent with
 * their deadlines, and says how many reminders were planned. Once on a desktop, once on a phone.
 *
 * Other specs take the demo coordinator's newest campaign for the founding one: afterwards an
 * administrator hands each campaign made here to an organization of its own (through the API),
 * so that it leaves the demo coordinator's lists.
 */

const VIEWPORTS = [
  { label: 'desktop', width: 1366, height: 900 },
  { label: 'phone', width: 390, height: 844 },
] as const;

/** A day `offset` days from today (UTC), as YYYY-MM-DD. */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

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

    test('a coordinator sets up a new campaign on screen, from the letter to the reminders, and marks it as sent', async ({
      page,
      baseURL,
    }) => {
      const stamp = Date.now().toString(36).slice(-5);
      // Unique where the directory needs it (an institution's name); the rest reads as a letter would.
      const title = 'Access for independent monitors';
      const geneva = 'Facilitating a visit to the detention centres by the Special Rapporteur on torture';
      const envoy = 'Appointing a Special Envoy with unimpeded access to CECOT';
      const session = 'Placing the detention centres on the agenda of the June session';
      const institution = `Inter-American Commission on Human Rights ${stamp}`;
      const office = 'Rapporteur on the Rights of Persons Deprived of Liberty';
      const holder = 'Roberta Clarke';
      const milestone = 'Opening of the June session';
      // The term ends on 31 January the year after next: winter in New York, UTC−5, whatever today is.
      const termEnds = `${new Date().getUTCFullYear() + 2}-01-31`;
      // Yesterday in UTC: a day that has come everywhere, so nothing blocks the send.
      const letterDate = day(-1);
      let campaignId = '';

      await signInAs(page, 'coordinator');
      try {
        // The list offers "New campaign".
        await page.goto('/campaigns');
        await page.getByRole('link', { name: 'New campaign' }).click();
        await expect(page).toHaveURL(/\/campaigns\/new$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('New campaign');
        const steps = page.getByRole('navigation', { name: 'Set-up steps', exact: true });
        await expect(steps.locator('[aria-current="step"]')).toHaveText('The letter');
        await expect(steps.getByRole('listitem')).toHaveText([
          /The letter$/,
          /The coalition$/,
          /Milestones$/,
          /Addressees and demands$/,
          /Reminders$/,
          /Review and send$/,
        ]);
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

        // Step 2: the coalition. The coordinator's organization leads; another is invited, then not.
        await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/setup\/coalition$/);
        campaignId = /\/campaigns\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(steps.locator('[aria-current="step"]')).toHaveText('The coalition');
        await expect(page.getByRole('status').filter({ hasText: 'The draft campaign has been created.' })).toBeVisible();
        await expect(page.locator('main')).toContainText('Center for Constitutional Rights');
        const organization = page.getByRole('combobox', { name: 'Organization' });
        await organization.fill('Movement Law');
        await page.getByRole('option', { name: /Movement Law Lab/ }).click();
        await page.getByRole('radio', { name: /^Signatory/ }).check();
        expect(await seriousAxeViolations(page), 'axe: the coalition step, inviting').toEqual([]);
        await expectNoSideScroll(page, 'the coalition');
        await page.getByRole('button', { name: 'Send the invitation' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Invited: Movement Law Lab joins as a signatory' })).toBeVisible();
        await page.getByRole('button', { name: 'Withdraw the invitation to Movement Law Lab' }).click();
        await page.getByRole('button', { name: 'Yes, withdraw' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'The invitation to Movement Law Lab has been withdrawn.' })).toBeVisible();
        await page.getByRole('link', { name: 'Next: Milestones' }).click();

        // Step 3: a milestone that a deadline will follow.
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/milestones$`));
        await expect(page.getByText('No milestones yet.')).toBeVisible();
        await page.getByLabel('Title', { exact: true }).fill(milestone);
        await page.getByLabel('Kind', { exact: true }).selectOption('deadline');
        await page.getByLabel('Day', { exact: true }).fill('2030-06-15');
        await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Zurich');
        await page.getByRole('button', { name: 'Add the milestone' }).click();
        await expect(page.getByRole('status').filter({ hasText: `The milestone “${milestone}” has been added` })).toBeVisible();
        expect(await seriousAxeViolations(page), 'axe: the milestones step').toEqual([]);
        await expectNoSideScroll(page, 'the milestones');
        await page.getByRole('link', { name: 'Next: Addressees and demands' }).click();

        // Step 4, demand 1: the High Commissioner, due at 18:00 in Geneva on a day in 2030.
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/demands$`));
        await expect(page.getByText('No demands yet. Add the first one below.')).toBeVisible();
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

        // Demand 2: to an addressee not in the directory — institution, office and officeholder
        // added inline — due at the end of the new officeholder's term.
        await page.getByRole('button', { name: 'Not in the directory? Add it' }).click();
        await page.getByRole('radio', { name: 'A new institution' }).check();
        await page.getByLabel('Name of the institution').fill(institution);
        await page.getByLabel('Abbreviation (optional)').fill('IACHR');
        await page.getByLabel('Time zone of its seat').selectOption('America/New_York');
        await page.getByLabel('Title of the office').fill(office);
        await page.getByLabel('Name of the officeholder').fill(holder);
        await page.getByLabel('First day in office').fill(day(-30));
        await page.getByLabel('Last day in office').fill(termEnds);
        expect(await seriousAxeViolations(page), 'axe: adding an addressee inline').toEqual([]);
        await expectNoSideScroll(page, 'adding an addressee inline');
        await page.getByRole('button', { name: 'Add and choose this office' }).click();
        await expect(page.getByRole('status').filter({ hasText: `${office} has been added to the directory and chosen.` })).toBeVisible();
        await expect(addressee).toHaveValue(`${institution} — ${office}`);
        await page.getByLabel('The letter’s words').fill(envoy);
        await page.getByLabel('Category').selectOption('other');
        await page.getByLabel('The end of the officeholder’s term').check();
        await page.getByRole('button', { name: 'Add the demand' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Demand 2 has been added' })).toBeVisible();
        await expect(page.locator('.demand').nth(1)).toContainText('the end of the officeholder’s term');

        // Demand 3: to the new office again, due when the milestone falls.
        await page.getByLabel('The letter’s words').fill(session);
        await page.getByLabel('Following a milestone of the campaign').check();
        const milestoneSelect = page.getByLabel('Milestone', { exact: true });
        const milestoneId = await milestoneSelect.locator('option', { hasText: milestone }).getAttribute('value');
        await milestoneSelect.selectOption(milestoneId ?? '');
        await page.getByRole('button', { name: 'Add the demand' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Demand 3 has been added' })).toBeVisible();
        await expect(page.locator('.demand')).toHaveText([
          new RegExp(geneva.replace(/[()]/g, '.')),
          new RegExp(envoy.replace(/[()]/g, '.')),
          new RegExp(session.replace(/[()]/g, '.')),
        ]);
        expect(await seriousAxeViolations(page), 'axe: the demands step with three demands').toEqual([]);
        await expectNoSideScroll(page, 'the demands');

        // The envoy first: move it up.
        await page.getByRole('button', { name: 'Move up (demand 2)' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'The demand is now number 1.' })).toBeVisible();
        await expect(page.locator('.demand').first()).toContainText(envoy);
        await expect(page.getByRole('button', { name: 'Move down (demand 1)' })).toBeFocused();
        if (viewport.label === 'desktop') {
          await page.evaluate(() => window.scrollTo(0, 0));
          await saveScreenshot(page, 'setup-demands');
          await page.setViewportSize({ width: viewport.width, height: viewport.height });
        }
        await page.getByRole('link', { name: 'Next: Reminders' }).click();

        // Step 5: the campaign's own reminders, in words.
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/reminders$`));
        await expect(page.getByText('The default reminders, as for every campaign that does not set its own.')).toBeVisible();
        await page.getByRole('button', { name: 'Change for this campaign' }).click();
        await page.getByLabel('Days before each deadline').fill('3, 1');
        await expect(page.locator('main')).toContainText('Reminders go 3 and 1 days before each deadline');
        expect(await seriousAxeViolations(page), 'axe: the reminders step').toEqual([]);
        await expectNoSideScroll(page, 'the reminders');
        await page.getByRole('button', { name: 'Save the reminders' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'The campaign’s own reminders have been saved.' })).toBeVisible();
        await expect(page.getByText('This campaign’s own reminders.')).toBeVisible();
        await page.getByRole('link', { name: 'Next: Review and send' }).click();

        // Step 6: review and send.
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/setup/review$`));
        await expect(steps.locator('[aria-current="step"]')).toHaveText('Review and send');
        await expect(page.locator('[data-summary]')).toContainText('makes 3 demands of 2 addressees; 3 have a deadline.');
        await expect(page.locator('[data-blocker]')).toHaveCount(0);
        expect(await seriousAxeViolations(page), 'axe: the review').toEqual([]);
        await expectNoSideScroll(page, 'the review');
        if (viewport.label === 'desktop') {
          await saveScreenshot(page, 'setup-review');
          await page.setViewportSize({ width: viewport.width, height: viewport.height });
        }
        await page.getByRole('button', { name: 'Mark as sent' }).click();

        // The overview: its demands sent, in the new order, each with its deadline; reminders planned.
        await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
        await expect(page.getByRole('status').filter({ hasText: 'The campaign has been marked as sent.' })).toContainText(
          /\d+ reminders are planned; the first goes on /,
        );
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(page.getByRole('link', { name: 'Continue set-up' })).toHaveCount(0);
        const scorecard = page.getByRole('table', { name: /Each addressee and the demands/ });
        await expect(scorecard.locator('tr.demand')).toHaveCount(3);
        await expect(scorecard.locator('tr.demand[data-status="sent"]')).toHaveCount(3);
        const row = (text: string) => scorecard.locator('tr.demand').filter({ hasText: text });
        // 18:00 in Geneva (UTC+2 in June); 23:59 on the term's last day in New York (UTC−5); 23:59 on the milestone's day in Geneva.
        await expect(row(geneva).locator('time')).toHaveAttribute('datetime', '2030-06-16T16:00:00.000Z');
        const next = new Date(Date.parse(`${termEnds}T23:59:00.000-05:00`)).toISOString();
        await expect(row(envoy).locator('time')).toHaveAttribute('datetime', next);
        await expect(row(session).locator('time')).toHaveAttribute('datetime', '2030-06-15T21:59:00.000Z');
        await expect(row(session)).toContainText(milestone);

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
      await expect(page).toHaveURL(/\/setup\/coalition$/);
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
