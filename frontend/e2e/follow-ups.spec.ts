import type { Page } from '@playwright/test';

import { expect, saveScreenshot, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 6, screens 6 and 7, against the real server: the demo coordinator assigns a follow-up to
 * the demo member's organization from the campaign's follow-ups; the demo member finds it on
 * their organization's board, marks it in progress and completes it with a note. Then the
 * campaign calendar. Adds one (done) follow-up to the demo campaign; deletes nothing.
 */

const MEMBER_ORGANIZATION = 'Example member organization (demo)';

test.use({ viewport: { width: 1280, height: 900 } });

async function demoCampaign(page: Page): Promise<{ id: string; title: string }> {
  const response = await page.request.get('/api/campaigns');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; title: string }[] };
  const campaign = items[0];
  if (!campaign) throw new Error('The demo campaign is missing.');
  return campaign;
}

test('a coordinator assigns a follow-up; the member organization moves it along and completes it', async ({ page }) => {
  const title = `Brief the Geneva mission (e2e ${Date.now().toString(36)})`;
  const note = 'Briefing sent to the mission; minutes in the shared folder.';

  await signInAs(page, 'coordinator');
  const campaign = await demoCampaign(page);

  await page.goto(`/campaigns/${campaign.id}/follow-ups`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaign follow-ups');
  const form = page.getByRole('region', { name: 'Assign a follow-up' });
  await expect(form).toBeVisible();

  // Submitting empty: the first invalid field gets focus, its message is at the field.
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByText('Give the follow-up a title.')).toBeVisible();

  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Details (optional)').fill('Two pages on the transfers, for delegations.');
  await form.getByLabel('Organization').selectOption({ label: MEMBER_ORGANIZATION });
  await form.getByLabel('Due day').fill('2030-01-15');
  await form.getByLabel('Time', { exact: true }).fill('12:00');
  await form.getByLabel('Time zone').selectOption('Europe/Zurich');
  expect(await seriousAxeViolations(page), 'axe: the campaign follow-ups and the form').toEqual([]);
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: `“${title}” has been assigned to ${MEMBER_ORGANIZATION}.` })).toBeVisible();
  await expect(page.getByRole('article', { name: title })).toBeVisible();

  // The member's organization.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInAs(page, 'member');
  await page.goto('/follow-ups');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our follow-ups');
  const open = page.getByRole('region', { name: /^Open/ });
  const card = open.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Jan 15, 2030');
  expect(await seriousAxeViolations(page), 'axe: the board').toEqual([]);
  await saveScreenshot(page, 'follow-ups');

  await card.getByRole('button', { name: 'Mark in progress' }).click();
  const inProgress = page.getByRole('region', { name: /^In progress/ }).getByRole('article', { name: title });
  await expect(inProgress).toBeVisible();
  await expect(inProgress.locator('dm-follow-up-status')).toHaveText('In progress');

  await inProgress.getByRole('button', { name: 'Complete…' }).click();
  await inProgress.getByRole('button', { name: 'Mark as done' }).click();
  await expect(inProgress.getByLabel('Completion note')).toBeFocused();
  await expect(inProgress.getByText('Write what was done.')).toBeVisible();
  await inProgress.getByLabel('Completion note').fill(note);
  await inProgress.getByRole('button', { name: 'Mark as done' }).click();
  const done = page.getByRole('region', { name: /^Done/ }).getByRole('article', { name: title });
  await expect(done).toBeVisible();

  // Its page shows the note.
  await done.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('region', { name: 'Completion note' })).toContainText(note);
  await expect(page.locator('dm-follow-up-status')).toHaveText('Done');
});

test('the campaign calendar shows a month grid and an agenda', async ({ page }) => {
  await signInAs(page, 'coordinator');
  const campaign = await demoCampaign(page);
  await page.goto(`/campaigns/${campaign.id}/calendar`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calendar');
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  const today = grid.locator('td[aria-current="date"]');
  await expect(today).toContainText('today');
  await saveScreenshot(page, 'calendar');
  // Keyboard: from today, the right arrow moves to the next day.
  await today.focus();
  const day = await today.getAttribute('data-day');
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('td:focus')).not.toHaveAttribute('data-day', day ?? '');
  expect(await seriousAxeViolations(page), 'axe: the calendar').toEqual([]);

  await page.getByRole('button', { name: 'Agenda' }).click();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.locator('.agenda, .panel').first()).toBeVisible();
  expect(await seriousAxeViolations(page), 'axe: the agenda').toEqual([]);
});
