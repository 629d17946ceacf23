import type { Page } from '@playwright/test';

import { expect, saveScreenshot, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 6, screens 4 and 5, against the real server: the demo coordinator logs a response from
 * the campaign overview that moves a demand's status; the scorecard shows the new status, and the
 * demand's page shows the history entry and the response. Adds a response to the demo campaign
 * (nothing is deleted); picks a demand that may still move to "acknowledged", so it also runs on
 * a database an earlier run has changed.
 */

interface DemandItem {
  id: string;
  text: string;
  status: string;
  nextStatuses: string[];
  office: { title: string; institutionId: string; institutionName: string };
}

/** The English names of statuses, as the page shows them. */
const STATUS_NAMES: Readonly<Record<string, string>> = {
  draft: 'Draft',
  sent: 'Sent',
  acknowledged: 'Acknowledged',
  under_consideration: 'Under consideration',
  partially_met: 'Partially met',
  met: 'Met',
  rejected: 'Rejected',
  no_response: 'No response',
  withdrawn: 'Withdrawn',
};

test.use({ viewport: { width: 1280, height: 900 } });

async function demoCampaign(page: Page): Promise<{ id: string; title: string }> {
  const response = await page.request.get('/api/campaigns');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; title: string; isExample: boolean }[] };
  const campaign = items[0];
  if (!campaign) throw new Error('The demo campaign is missing.');
  return campaign;
}

/** A demand that may move to "acknowledged" now (the demo data's are sent, or no_response once their deadline passed). */
async function movableDemand(page: Page, campaignId: string): Promise<DemandItem> {
  const response = await page.request.get(`/api/campaigns/${campaignId}/demands?limit=200`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: DemandItem[] };
  const demand = items.find((d) => d.nextStatuses.includes('acknowledged'));
  if (!demand) throw new Error('No demand of the demo campaign may move to "acknowledged".');
  return demand;
}

test('a coordinator logs a response that moves a demand; the scorecard and the demand’s history show it', async ({ page }) => {
  await signInAs(page, 'coordinator');
  const campaign = await demoCampaign(page);
  const demand = await movableDemand(page, campaign.id);
  const statusBefore = demand.status === 'sent' ? 'Sent' : 'No response';
  const summary = `Acknowledged receipt of the letter (e2e ${Date.now().toString(36)}).`;

  // The overview, from the campaigns list.
  await page.goto('/campaigns');
  await page.getByRole('link', { name: campaign.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
  const row = page.locator(`tr[data-demand-id="${demand.id}"]`);
  await expect(row).toHaveAttribute('data-status', demand.status);

  // One click from the office's row of the scorecard to the form, with the institution chosen.
  await page
    .locator(`tbody:has(tr[data-demand-id="${demand.id}"])`)
    .getByRole('link', { name: `Log a response from ${demand.office.institutionName}` })
    .click();
  await expect(page).toHaveURL(/\/responses\/new\?institutionId=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a response');
  await expect(page.getByLabel('Institution that answered')).toHaveValue(demand.office.institutionId);

  const answers = page.getByRole('group', { name: 'Demands it answers' });
  await answers.locator(`#answers-${demand.id}`).check();
  const moves = page.getByRole('group', { name: 'Status changes (optional)' });
  const move = moves.locator(`#move-${demand.id}`);
  await expect(move.locator('option')).toHaveText([`Leave it ${statusBefore}`, ...demand.nextStatuses.map((s) => STATUS_NAMES[s] ?? s)]);
  await move.selectOption('acknowledged');
  await page.getByLabel('Assessment').selectOption('non_committal');
  await page.getByLabel('Channel').selectOption('letter');
  await page.getByLabel('Received on').fill('2025-05-02');
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Source link (optional)').fill('https://example.org/e2e-response');

  expect(await seriousAxeViolations(page), 'axe: the log-a-response form').toEqual([]);
  await saveScreenshot(page, 'log-response');

  await page.getByRole('button', { name: 'Log the response' }).click();

  // Back on the overview: the demand's scorecard cell shows its new status.
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
  await expect(row).toHaveAttribute('data-status', 'acknowledged');
  await expect(row.locator('dm-status-chip')).toHaveText('Acknowledged');

  // The demand's page: the status, the history entry (who, why) and the response.
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}/demands/${demand.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Demand to ${demand.office.title}`);
  await expect(page.locator('.head dm-status-chip')).toHaveText('Acknowledged');
  const history = page.getByRole('region', { name: 'Status history' });
  const latest = history.getByRole('listitem').first();
  await expect(latest).toContainText(`${statusBefore} → Acknowledged`);
  await expect(latest).toContainText('By Demo coordinator (example)');
  await expect(latest).toContainText(summary);
  const responses = page.getByRole('region', { name: 'Responses' });
  await expect(responses.getByRole('link', { name: `${demand.office.institutionName}, received May 2, 2025` }).first()).toBeVisible();
  // Only the statuses that may follow "acknowledged" are offered.
  await expect(page.getByLabel('New status').locator('option')).toHaveText([
    'Choose a status…',
    'Under consideration',
    'Partially met',
    'Met',
    'Rejected',
    'Withdrawn',
  ]);

  expect(await seriousAxeViolations(page), 'axe: the demand page').toEqual([]);
  await saveScreenshot(page, 'demand');

  // A coordinator moves it on from the demand's page, with a note; the history records it.
  await page.getByLabel('New status').selectOption('under_consideration');
  await page.getByLabel('Why (optional)').fill('The Secretariat asked for a meeting.');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The status is now Under consideration.' })).toBeVisible();
  await expect(page.locator('.head dm-status-chip')).toHaveText('Under consideration');
  await expect(history.getByRole('listitem').first()).toContainText('Acknowledged → Under consideration');
  await expect(history.getByRole('listitem').first()).toContainText('The Secretariat asked for a meeting.');

  // The response's own page (where notification links lead).
  await responses
    .getByRole('link', { name: `${demand.office.institutionName}, received May 2, 2025` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Response from ${demand.office.institutionName}`);
  await expect(page.getByText(summary)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Read the response at its source' })).toHaveAttribute(
    'href',
    'https://example.org/e2e-response',
  );
  expect(await seriousAxeViolations(page), 'axe: the response page').toEqual([]);
});
