import type { Page } from '@playwright/test';

import { expect, saveScreenshot, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * The campaigns list, the founding campaign's overview and its timeline, as the demo coordinator.
 * Other specs move demand statuses of the demo campaign, so these tests check structure and
 * labels, never how many demands have which status.
 */

/** The founding letter's addressees (backend/data/founding-campaign/offices.csv), in letter order. */
const OFFICES = [
  'Secretary-General of the United Nations',
  'President of the United Nations Security Council',
  'United Nations High Commissioner for Human Rights',
  'President of the UN Human Rights Council',
  'Secretary General of the Organization of American States',
  'Members of the Human Rights Council',
  'Member States of the Organization of American States',
];
const DEMANDS = 35;
const STATUS_NAMES_EN = /^(Draft|Sent|Acknowledged|Under consideration|Partially met|Met|Rejected|No response|Withdrawn)$/;
const STATUS_NAMES_ES = /^(Borrador|Enviada|Acuse de recibo|En consideración|Cumplida en parte|Cumplida|Rechazada|Sin respuesta|Retirada)$/;

/** From the header's "Campaigns" link to the founding campaign's overview. */
async function openFoundingCampaign(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');
  const campaign = page.locator('[data-campaign-id]').filter({ hasText: 'US/El Salvador Detention Agreement' }).first();
  await expect(campaign.locator('.figures dd').first()).toHaveText(String(DEMANDS));
  await campaign.getByRole('heading', { level: 2 }).getByRole('link').click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('table', { name: /Each addressee and the demands/ })).toBeVisible();
}

test('the campaigns list links to the founding campaign, whose overview reads like the letter', async ({ page }) => {
  await signInAs(page, 'coordinator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(page).toHaveTitle('Campaigns · Demarche');
  await expect(page.locator('[data-campaign-id]').first()).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'campaigns');

  await openFoundingCampaign(page);
  await expect(page).toHaveTitle('Campaign overview · Demarche');

  // The scorecard: every addressee, in letter order, each with its demands and a status in words.
  const scorecard = page.getByRole('table', { name: /Each addressee and the demands/ });
  const groups = scorecard.locator('tbody');
  await expect(groups).toHaveCount(OFFICES.length);
  await expect(scorecard.locator('th[scope="rowgroup"] .office__title')).toHaveText(OFFICES);
  await expect(scorecard.locator('tr.demand')).toHaveCount(DEMANDS);
  for (let i = 0; i < OFFICES.length; i++) {
    expect(await groups.nth(i).locator('tr.demand').count(), OFFICES[i]).toBeGreaterThan(0);
  }
  for (const chip of await scorecard.locator('tr.demand dm-status-chip').all()) {
    await expect(chip).toHaveText(STATUS_NAMES_EN);
  }
  // Each demand is a link to its page; each office offers "Log a response" for its institution.
  const firstDemand = scorecard.locator('tr.demand th[scope="row"] a').first();
  await expect(firstDemand).toHaveAttribute('href', /\/campaigns\/[0-9a-f-]{36}\/demands\/[0-9a-f-]{36}$/);
  await expect(groups.first().getByRole('link', { name: 'Log a response from United Nations Secretariat' })).toHaveAttribute(
    'href',
    /\/responses\/new\?institutionId=[0-9a-f-]{36}$/,
  );
  await expect(page.getByRole('link', { name: 'Log a response', exact: true })).toHaveAttribute('href', /\/responses\/new$/);

  // The panels and the calendar.
  for (const name of [
    'At a glance',
    'Scorecard',
    'Milestones',
    'Overdue',
    'Next 14 days',
    'Response rate by institution',
    'Latest changes',
  ]) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
  const milestones = page.getByRole('region', { name: 'Milestones' }).getByRole('listitem');
  await expect(milestones.filter({ hasText: 'End of the April 2025 Security Council presidency' })).toHaveCount(1);
  await expect(milestones.filter({ hasText: 'Human Rights Council 59th regular session opens' })).toHaveCount(1);
  const glance = page.getByRole('region', { name: 'At a glance' });
  await expect(glance).toContainText(`Demands in all: ${DEMANDS}`);
  await expect(glance.getByRole('list', { name: 'Demands by status' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Response rate by institution' }).getByRole('table')).toContainText(
    'United Nations Security Council',
  );
  await expect(page.getByRole('region', { name: 'Latest changes' }).getByRole('listitem').first()).toBeVisible();

  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'overview');
});

test('an overview opened by its address is announced with its HTML: every chunk and its data, each fetched once', async ({ page }) => {
  await signInAs(page, 'coordinator');
  await openFoundingCampaign(page);
  const address = new URL(page.url()).pathname;
  const id = address.split('/').at(-1) ?? '';
  const asked: { path: string; type: string }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(page.url()).origin) {
      asked.push({ path: url.pathname, type: request.resourceType() });
    }
  });
  const response = await page.goto(address);
  await expect(page.getByRole('table', { name: /Each addressee and the demands/ }).locator('tr.demand')).toHaveCount(DEMANDS);
  const link = response?.headers()['link'] ?? '';
  const announced = new Set([...link.matchAll(/<([^>]+)>/g)].map((m) => m[1]));
  // The API: the three requests the page makes first, preloaded (type "other"; the app's own are
  // "fetch"), and the app's requests took those answers — one it did not match would show here
  // as a second request for the same path.
  for (const path of ['/api/me', `/api/campaigns/${id}`, `/api/campaigns/${id}/dashboard`]) {
    expect(announced.has(path), `${path} announced`).toBe(true);
    expect(
      asked.filter((a) => a.path === path).map((a) => a.type),
      path,
    ).toEqual(['other']);
  }
  // The scripts: each one the page loaded is in index.html or was announced, so none waited for
  // the chunk that imports it (no waterfall of imports), and none was fetched twice.
  const html = await (await page.request.get(address)).text();
  const scripts = asked.filter((a) => a.type === 'script').map((a) => a.path);
  for (const module of [...announced].filter((path) => path.endsWith('.js'))) {
    expect(scripts, `${module} fetched`).toContain(module);
  }
  for (const script of scripts) {
    expect(announced.has(script) || html.includes(`"${script.slice(1)}"`), `${script} announced or in index.html`).toBe(true);
  }
  expect(new Set(scripts).size).toBe(scripts.length);
});

test('the overview follows a switch to Spanish', async ({ page }) => {
  await signInAs(page, 'coordinator');
  try {
    await openFoundingCampaign(page);
    await page.getByLabel('Language').selectOption({ label: 'Español' });

    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    const scorecard = page.getByRole('table', { name: /Cada destinatario y las demandas/ });
    await expect(scorecard.locator('thead th')).toHaveText(['Demanda', 'Estado', 'Plazo', 'Última respuesta']);
    for (const chip of await scorecard.locator('tr.demand dm-status-chip').all()) {
      await expect(chip).toHaveText(STATUS_NAMES_ES);
    }
    await expect(page.getByRole('link', { name: 'Registrar una respuesta', exact: true })).toBeVisible();
    for (const name of ['Hitos', 'Vencido', 'Próximos 14 días', 'De un vistazo', 'Tasa de respuesta por institución']) {
      await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
    }
    await expect(page).toHaveTitle('Resumen de la campaña · Demarche');
  } finally {
    // The switch is saved to the coordinator's profile: put English back for the other tests.
    const me = await page.request.get('/api/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const restored = await page.request.patch('/api/me', { data: { locale: 'en' }, headers: { 'X-CSRF-Token': csrfToken } });
    expect(restored.status()).toBe(200);
  }
});

test('the timeline lists the campaign’s changes, who made them and when, a page at a time', async ({ page }) => {
  await signInAs(page, 'coordinator');
  await openFoundingCampaign(page);
  await page.getByRole('link', { name: 'Full timeline' }).first().click();

  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/timeline$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  await expect(page).toHaveTitle('Campaign timeline · Demarche');
  const entries = page.locator('dm-timeline-list li');
  await expect(entries.first()).toBeVisible();
  await expect(entries.first().locator('time')).toHaveText(/\d{4}/);

  // The demo campaign has more than a page of history (35 demands sent, follow-ups, its creation).
  const before = await entries.count();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => entries.count()).toBeGreaterThan(before);
  await expect(entries.filter({ hasText: 'Demand status changed' }).first()).toContainText('Sent');

  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'timeline');
});
