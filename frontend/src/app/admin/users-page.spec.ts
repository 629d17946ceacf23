import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import type { Me } from '../core/session/session';
import { Session } from '../core/session/session';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { OTHER_ORG, aUserRow, anOrganization } from './admin-fixtures';
import { UsersPage } from './users-page';

const OBSERVER = aUserRow();
const ME_AS_ROW = aUserRow({
  id: aUser().id,
  email: aUser().email,
  displayName: aUser().displayName,
  role: 'admin',
  lastSignInAt: null,
});

describe('UsersPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(me: Partial<Me>, url = '/admin/users'): Promise<void> {
    http = await setUpPageSpec([{ path: 'admin/users', component: UsersPage }]);
    await TestBed.inject(Session).start({ user: aUser(me), csrfToken: 'csrf-1' });
    harness = await RouterTestingHarness.create(url);
    page = harness.fixture.nativeElement as HTMLElement;
  }

  afterEach(tearDownPageSpec);

  const usersRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/users' && r.method === 'GET');
  const organizationsRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/organizations');
  const row = (id: string) => query<HTMLTableRowElement>(page, `tr[data-user-id="${id}"]`);

  async function loaded(items = [OBSERVER, ME_AS_ROW], nextCursor: string | null = null): Promise<void> {
    organizationsRequest().flush({ items: [anOrganization(), anOrganization({ id: 'o2', name: 'Centro de Derechos' })], nextCursor: null });
    usersRequest().flush({ items, nextCursor });
    await settle(harness.fixture);
  }

  describe('as an administrator', () => {
    beforeEach(() => open({ role: 'admin' }));

    it('shows a loading state, then each user: role, organization, last sign-in in the admin’s zone, account state', async () => {
      expect(text(page, '[role="status"]')).toBe('Loading the users…');
      const organizations = organizationsRequest();
      expect(organizations.request.params.get('limit')).toBe('200');
      organizations.flush({ items: [anOrganization()], nextCursor: null });
      const users = usersRequest();
      expect(users.request.params.keys()).toEqual([]);
      users.flush({
        items: [OBSERVER, aUserRow({ id: 'u2', displayName: 'Dora Disabled', disabledAt: '2026-11-01T15:00:00.000Z' }), ME_AS_ROW],
        nextCursor: null,
      });
      await settle(harness.fixture);

      expect(text(page, 'h1')).toBe('Users');
      expect([...page.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
        'Name',
        'Role',
        'Organization',
        'Last sign-in',
        'Account',
        'Actions',
      ]);
      const cells = [...row(OBSERVER.id).querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
      expect(cells.slice(0, 5)).toEqual([
        'Olga Observer observer@example.org',
        'Observer',
        'Cristosal',
        'Nov 28, 2026, 09:00 AM GMT-3',
        'Active',
      ]);
      expect(text(row('u2'), 'td:nth-of-type(4)')).toBe('Disabled since Nov 1, 2026, 12:00 PM GMT-3');
      expect(text(row(ME_AS_ROW.id), 'td:nth-of-type(3)')).toBe('Never');
      expect(text(row(ME_AS_ROW.id), '.actions')).toBe('This is you');
      expect(row('u2').querySelector('button[aria-label="Enable Dora Disabled"]')).not.toBeNull();
      expect(text(page, '.times')).toBe('Times are in America/Argentina/Buenos_Aires.');
    });

    it('filters by role, organization and disabled accounts at once, and by text on "Search"', async () => {
      await loaded();
      fill(page, '#users-role', 'observer');
      await settle(harness.fixture);
      let request = usersRequest();
      expect(request.request.params.get('role')).toBe('observer');
      request.flush({ items: [OBSERVER], nextCursor: null });
      await settle(harness.fixture);

      fill(page, '#users-organization', OTHER_ORG);
      await settle(harness.fixture);
      request = usersRequest();
      expect(request.request.params.get('organizationId')).toBe(OTHER_ORG);
      request.flush({ items: [], nextCursor: null });
      await settle(harness.fixture);
      expect(text(page, '.panel')).toBe('No users match.');

      click(page, '#users-disabled');
      await settle(harness.fixture);
      request = usersRequest();
      expect(request.request.params.get('includeDisabled')).toBe('true');
      request.flush({ items: [OBSERVER], nextCursor: null });
      await settle(harness.fixture);

      fill(page, '#users-q', '  olga ');
      http.expectNone((r) => r.url === '/api/users'); // typing alone does not search
      button(page, 'Search').click();
      await settle(harness.fixture);
      request = usersRequest();
      expect(request.request.params.get('q')).toBe('olga');
      expect(request.request.params.get('role')).toBe('observer');
      expect(request.request.params.get('organizationId')).toBe(OTHER_ORG);
      request.flush({ items: [OBSERVER], nextCursor: null });
      await settle(harness.fixture);
      expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
    });

    it('changes a role from a select, saying so, and shows the API’s refusal inline', async () => {
      await loaded();
      query<HTMLButtonElement>(row(OBSERVER.id), 'button[aria-label="Change role of Olga Observer"]').click();
      await settle(harness.fixture);
      const select = query<HTMLSelectElement>(row(OBSERVER.id), 'select');
      expect(document.activeElement).toBe(select);
      expect(text(row(OBSERVER.id), 'label')).toBe('Role of Olga Observer');
      expect(select.value).toBe('observer');
      expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['Administrator', 'Coordinator', 'Member', 'Observer']);

      fill(row(OBSERVER.id), 'select', 'member');
      button(row(OBSERVER.id), 'Save role').click();
      await settle(harness.fixture);
      let patch = http.expectOne(`/api/users/${OBSERVER.id}`);
      expect(patch.request.method).toBe('PATCH');
      expect(patch.request.body).toEqual({ role: 'member' });
      patch.flush(anError(400, 'validation_failed', [{ field: 'role', message: 'must be one of the roles' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
      await settle(harness.fixture);
      expect(text(row(OBSERVER.id), '.field-error')).toBe('Not accepted: must be one of the roles.');
      expect(select.getAttribute('aria-invalid')).toBe('true');

      button(row(OBSERVER.id), 'Save role').click();
      await settle(harness.fixture);
      patch = http.expectOne(`/api/users/${OBSERVER.id}`);
      patch.flush({ ...OBSERVER, role: 'member' });
      await settle(harness.fixture);
      expect(text(row(OBSERVER.id), 'td')).toBe('Member');
      expect(text(page, '.alert--ok')).toBe('Olga Observer is now Member.');
      expect(document.activeElement?.id).toBe(`user-role-${OBSERVER.id}`);
    });

    it('asks before disabling, moves focus to the answer and back, then disables and shows it', async () => {
      await loaded();
      const ask = () => query<HTMLButtonElement>(row(OBSERVER.id), 'button[aria-label="Disable Olga Observer"]');
      ask().click();
      await settle(harness.fixture);
      expect(text(row(OBSERVER.id), '.confirm__question')).toBe(
        'Disable Olga Observer? They are signed out at once and cannot sign in until their account is enabled again.',
      );
      expect(row(OBSERVER.id).querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe(`user-confirm-${OBSERVER.id}`);
      expect(document.activeElement?.textContent?.trim()).toBe('Yes, disable');

      button(row(OBSERVER.id), 'Cancel').click();
      await settle(harness.fixture);
      expect(page.querySelector('.confirm')).toBeNull();
      expect(document.activeElement).toBe(ask());

      ask().click();
      await settle(harness.fixture);
      button(row(OBSERVER.id), 'Yes, disable').click();
      await settle(harness.fixture);
      const post = http.expectOne(`/api/users/${OBSERVER.id}/disable`);
      expect(post.request.method).toBe('POST');
      expect(post.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
      post.flush({ ...OBSERVER, disabledAt: '2026-11-28T15:00:00.000Z' });
      await settle(harness.fixture);
      expect(text(row(OBSERVER.id), 'td:nth-of-type(4)')).toBe('Disabled since Nov 28, 2026, 12:00 PM GMT-3');
      expect(text(page, '.alert--ok')).toBe('The account of Olga Observer has been disabled.');
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Enable Olga Observer');
    });

    it('keeps the question open with the API’s answer when enabling fails', async () => {
      await loaded([aUserRow({ disabledAt: '2026-11-01T15:00:00.000Z' })]);
      query<HTMLButtonElement>(page, 'button[aria-label="Enable Olga Observer"]').click();
      await settle(harness.fixture);
      button(page, 'Yes, enable').click();
      await settle(harness.fixture);
      http.expectOne(`/api/users/${OBSERVER.id}/enable`).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      await settle(harness.fixture);
      expect(text(page, '.confirm [role="alert"]')).toBe('This user does not exist, or you cannot see them.');
      expect(button(page, 'Yes, enable')).toBeTruthy();
    });

    it('loads more, and moves focus to the first new row', async () => {
      await loaded([OBSERVER], 'next-1');
      button(page, 'Load more').click();
      await settle(harness.fixture);
      const more = usersRequest();
      expect(more.request.params.get('cursor')).toBe('next-1');
      more.flush({ items: [aUserRow({ id: 'u3', email: 'z@example.org', displayName: 'Zoe' })], nextCursor: null });
      await settle(harness.fixture);
      expect(page.querySelectorAll('tbody tr')).toHaveLength(2);
      expect(document.activeElement?.id).toBe('user-u3');
      expect([...page.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Load more')).toBe(false);
    });

    it('says so when loading fails, and retries', async () => {
      organizationsRequest().flush({ items: [], nextCursor: null });
      usersRequest().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Error' });
      await settle(harness.fixture);
      expect(text(page, '[role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
      button(page, 'Try again').click();
      await settle(harness.fixture);
      usersRequest().flush({ items: [OBSERVER], nextCursor: null });
      await settle(harness.fixture);
      expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
    });
  });

  it('takes the organization filter from the address', async () => {
    await open({ role: 'admin' }, `/admin/users?organizationId=${OTHER_ORG}`);
    organizationsRequest().flush({ items: [anOrganization()], nextCursor: null });
    const request = usersRequest();
    expect(request.request.params.get('organizationId')).toBe(OTHER_ORG);
    request.flush({ items: [OBSERVER], nextCursor: null });
    await settle(harness.fixture);
    expect(query<HTMLSelectElement>(page, '#users-organization').value).toBe(OTHER_ORG);
  });

  it('shows coordinators the list read-only', async () => {
    await open({ role: 'coordinator' });
    await loaded([OBSERVER]);
    expect(text(page, 'h1 + p')).toContain('Only administrators change roles or disable accounts.');
    expect(page.querySelectorAll('thead th')).toHaveLength(5);
    expect(page.querySelector('tbody button')).toBeNull();
    expect(text(row(OBSERVER.id), 'td')).toBe('Observer');
  });
});
