import type { Page } from '@playwright/test';

import { demoLogin } from './demo-logins';
import { expect, saveScreenshot, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 6, item 10, against the real server: the admin pages. The demo administrator adds an
 * organization (disables and enables it), invites a coordinator to it and revokes the invitation;
 * changes the demo observer's role and puts it back; disables and enables the observer's account.
 * The demo coordinator reads the users, read-only; the demo member is refused.
 * Leaves one new organization; puts back every account it changes.
 */

const OBSERVER = 'Demo observer (example)';

test.use({ viewport: { width: 1280, height: 900 } });

/** Puts the demo observer back as an enabled observer, whatever a failed test left. */
async function restoreObserver(page: Page): Promise<void> {
  const me = await page.request.get('/api/me');
  if (me.status() !== 200) return;
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const list = await page.request.get(`/api/users?q=${encodeURIComponent(demoLogin('observer').email)}&includeDisabled=true`);
  const { items } = (await list.json()) as { items: { id: string; role: string; disabledAt: string | null }[] };
  const observer = items[0];
  if (!observer) return;
  if (observer.role !== 'observer') {
    expect((await page.request.patch(`/api/users/${observer.id}`, { data: { role: 'observer' }, headers })).status()).toBe(200);
  }
  if (observer.disabledAt) {
    expect((await page.request.post(`/api/users/${observer.id}/enable`, { headers })).status()).toBe(200);
  }
}

test('an administrator adds an organization, invites a coordinator to it, and revokes the invitation', async ({
  page,
  expectHttpError,
}) => {
  expectHttpError('/api/organizations', 400); // the website the API refuses, shown at its field
  const suffix = Date.now().toString(36);
  const name = `E2E Human Rights Network ${suffix}`;
  const email = `e2e-coordinator-${suffix}@example.org`;

  await signInAs(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organizations');
  await expect(page).toHaveTitle('Organizations · Demarche');
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(await seriousAxeViolations(page), 'axe: the organizations page').toEqual([]);

  // Add one: this side's checks first, then the API's, each at its field.
  const create = page.getByRole('region', { name: 'Add an organization' });
  await create.getByRole('button', { name: 'Add organization' }).click();
  await expect(create.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(create.getByText('Enter the name of the organization.')).toBeVisible();
  await create.getByLabel('Name', { exact: true }).fill(name);
  await create.getByLabel('Country code (optional)').fill('sv');
  await create.getByLabel('Kind').selectOption({ label: 'Network' });
  await create.getByLabel('Contact e-mail (optional)').fill(`contact-${suffix}@example.org`);
  await create.getByLabel('Website (optional)').fill('example.org');
  await create.getByRole('button', { name: 'Add organization' }).click();
  await expect(create.getByText('Not accepted: must be an http(s) URL.')).toBeVisible();
  await expect(create.getByLabel('Website (optional)')).toHaveAttribute('aria-invalid', 'true');
  await create.getByLabel('Website (optional)').fill('https://example.org');
  await create.getByRole('button', { name: 'Add organization' }).click();
  await expect(create.getByRole('status')).toHaveText(`“${name}” has been added.`);

  const organization = page.getByRole('article', { name });
  await expect(organization).toContainText('Active · Network · SV');

  // Disable it, after a confirmation; then enable it again.
  await organization.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(organization.getByRole('button', { name: 'Yes, disable' })).toBeFocused();
  await organization.getByRole('button', { name: 'Yes, disable' }).click();
  await expect(page.getByRole('status').filter({ hasText: `“${name}” has been disabled.` })).toBeVisible();
  await expect(organization).toContainText('Disabled since');
  await expect(organization.getByRole('button', { name: `Enable ${name}` })).toBeFocused();
  await organization.getByRole('button', { name: `Enable ${name}` }).click();
  await organization.getByRole('button', { name: 'Yes, enable' }).click();
  await expect(organization).toContainText('Active · Network · SV');

  // Invite a coordinator to it.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invitations');
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('E-mail address').fill(email);
  await invite.getByLabel('Organization').selectOption({ label: name });
  await invite.getByLabel('Role').selectOption({ label: 'Coordinator' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);

  const pending = page.getByRole('region', { name: 'Pending invitations' });
  const row = pending.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(name);
  await expect(row).toContainText('Coordinator');
  expect(await seriousAxeViolations(page), 'axe: the invitations page').toEqual([]);

  await row.getByRole('button', { name: `Revoke the invitation to ${email}` }).click();
  await pending.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(pending.getByRole('status')).toHaveText(`The invitation to ${email} has been revoked.`);
  await expect(pending.getByRole('row').filter({ hasText: email })).toHaveCount(0);
});

test('an administrator changes a role and back, and disables and enables an account', async ({ page }) => {
  await signInAs(page, 'admin');
  try {
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
    const table = page.getByRole('table', { name: 'Users' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: demoLogin('admin').email })).toContainText('This is you');
    expect(await seriousAxeViolations(page), 'axe: the users page').toEqual([]);
    await saveScreenshot(page, 'admin-users');

    // Filters apply at once; the text applies on "Search".
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Observer' });
    await expect(table.getByRole('row')).toHaveCount(2); // the header and the demo observer
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'All roles' });
    await page.getByLabel('Name or e-mail').fill('demo-observer');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = table.getByRole('row').filter({ hasText: demoLogin('observer').email });
    await expect(row).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2);

    // Observer → member → observer.
    for (const [role, now] of [
      ['Member', 'Member'],
      ['Observer', 'Observer'],
    ] as const) {
      await row.getByRole('button', { name: `Change role of ${OBSERVER}` }).click();
      await expect(row.getByLabel(`Role of ${OBSERVER}`)).toBeFocused();
      await row.getByLabel(`Role of ${OBSERVER}`).selectOption({ label: role });
      await row.getByRole('button', { name: 'Save role' }).click();
      await expect(page.getByRole('status').filter({ hasText: `${OBSERVER} is now ${now}.` })).toBeVisible();
      await expect(row.getByRole('cell').first()).toHaveText(now);
      await expect(row.getByRole('button', { name: `Change role of ${OBSERVER}` })).toBeFocused();
    }

    // Disable, after a confirmation that can be cancelled; then enable.
    await row.getByRole('button', { name: `Disable ${OBSERVER}` }).click();
    await expect(row.getByRole('group')).toContainText(`Disable ${OBSERVER}? They are signed out at once`);
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(row.getByRole('button', { name: `Disable ${OBSERVER}` })).toBeFocused();
    await row.getByRole('button', { name: `Disable ${OBSERVER}` }).click();
    await row.getByRole('button', { name: 'Yes, disable' }).click();
    await expect(page.getByRole('status').filter({ hasText: `The account of ${OBSERVER} has been disabled.` })).toBeVisible();
    await expect(row).toContainText('Disabled since');
    expect(await seriousAxeViolations(page), 'axe: the users page with a disabled account').toEqual([]);

    await row.getByRole('button', { name: `Enable ${OBSERVER}` }).click();
    await row.getByRole('button', { name: 'Yes, enable' }).click();
    await expect(page.getByRole('status').filter({ hasText: `The account of ${OBSERVER} has been enabled.` })).toBeVisible();
    await expect(row).toContainText('Active');
  } finally {
    await restoreObserver(page);
  }
});

test('a coordinator reads the users, invites only to their organization, and has no organizations admin', async ({ page }) => {
  await signInAs(page, 'coordinator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
  const adminNav = page.getByRole('navigation', { name: 'Administration' });
  await expect(adminNav.getByRole('link')).toHaveText(['Users', 'Invitations']);

  const table = page.getByRole('table', { name: 'Users' });
  await expect(table.getByRole('row').filter({ hasText: demoLogin('observer').email })).toBeVisible();
  await expect(table.getByRole('button')).toHaveCount(0);
  await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Role', 'Organization', 'Last sign-in', 'Account']);
  expect(await seriousAxeViolations(page), 'axe: the users page, read-only').toEqual([]);

  await adminNav.getByRole('link', { name: 'Invitations' }).click();
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await expect(invite.getByLabel('Organization')).toHaveAttribute('readonly', '');
  await expect(invite.getByLabel('Role').locator('option')).toHaveText(['Coordinator', 'Member', 'Observer']);
  expect(await seriousAxeViolations(page), 'axe: the invitations page, as a coordinator').toEqual([]);

  await page.goto('/admin/organizations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(page.getByText('Your role (Coordinator) does not give access to this page.')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/organizations$/);
});

test('a member has no admin link, and /admin is refused', async ({ page }) => {
  await signInAs(page, 'member');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(page.getByText('Your role (Member) does not give access to this page.')).toBeVisible();
  await expect(page).toHaveTitle('Not allowed · Demarche');
  expect(await seriousAxeViolations(page), 'axe: the refusal').toEqual([]);
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await expect(page).toHaveURL(/\/$/);
});
