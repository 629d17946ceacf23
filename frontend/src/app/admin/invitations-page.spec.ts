import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import type { Me } from '../core/session/session';
import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { ADMIN_ORG, OTHER_ORG, anInvitation, anOrganization } from './admin-fixtures';
import { InvitationsPage } from './invitations-page';

const PENDING = anInvitation();

describe('InvitationsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(me: Partial<Me>): Promise<void> {
    http = await setUpPageSpec([{ path: 'admin/invitations', component: InvitationsPage }]);
    await TestBed.inject(Session).start({ user: aUser(me), csrfToken: 'csrf-1' });
    harness = await RouterTestingHarness.create('/admin/invitations');
    page = harness.fixture.nativeElement as HTMLElement;
  }

  afterEach(tearDownPageSpec);

  const pendingRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/invitations' && r.method === 'GET');
  const form = () => query<HTMLFormElement>(page, 'section.invite form');
  const pending = () => query<HTMLElement>(page, 'section.pending');

  describe('as an administrator', () => {
    beforeEach(async () => {
      await open({ role: 'admin' });
      expect(text(page, 'section.pending [role="status"]')).toBe('Loading the pending invitations…');
      http
        .expectOne((r) => r.url === '/api/organizations')
        .flush({
          items: [
            anOrganization(),
            anOrganization({ id: 'gone', name: 'Closed down', disabledAt: '2026-01-01T00:00:00.000Z' }),
            anOrganization({ id: ADMIN_ORG, name: 'Centro de Derechos' }),
          ],
          nextCursor: null,
        });
      pendingRequest().flush({ items: [PENDING], nextCursor: null });
      await settle(harness.fixture);
    });

    it('lists the pending invitations, with dates in the admin’s zone', () => {
      const cells = [...pending().querySelectorAll('tbody tr > *')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
      expect(cells).toEqual([
        'new.person@example.org',
        'Cristosal',
        'Member',
        'Nov 28, 2026, 09:00 AM GMT-3',
        'Dec 5, 2026, 09:00 AM GMT-3',
        'Revoke',
      ]);
    });

    it('offers the active organizations and every role, checks the form, then sends and says so', async () => {
      const organizations = query<HTMLSelectElement>(form(), '#invite-organization');
      expect([...organizations.options].map((o) => o.textContent?.trim())).toEqual([
        'Choose an organization',
        'Cristosal',
        'Centro de Derechos',
      ]);
      const roles = query<HTMLSelectElement>(form(), '#invite-role');
      expect([...roles.options].map((o) => o.value)).toEqual(['admin', 'coordinator', 'member', 'observer']);
      expect(roles.value).toBe('member');

      button(form(), 'Send invitation').click();
      await settle(harness.fixture);
      expect(text(form(), '#invite-email-error')).toBe('Enter the e-mail address of the person to invite.');
      expect(text(form(), '#invite-organizationId-error')).toBe('Choose the organization the person will belong to.');
      expect(document.activeElement?.id).toBe('invite-email');
      http.expectNone((r) => r.method === 'POST');

      fill(form(), '#invite-email', ' New.Coordinator@example.org ');
      fill(form(), '#invite-organization', OTHER_ORG);
      fill(form(), '#invite-role', 'coordinator');
      button(form(), 'Send invitation').click();
      await settle(harness.fixture);
      const post = http.expectOne({ method: 'POST', url: '/api/invitations' });
      expect(post.request.body).toEqual({ email: 'New.Coordinator@example.org', organizationId: OTHER_ORG, role: 'coordinator' });
      post.flush(anInvitation({ id: 'i2', email: 'new.coordinator@example.org', role: 'coordinator' }));
      await settle(harness.fixture);
      expect(text(page, 'section.invite [role="status"]')).toBe('Invitation sent to new.coordinator@example.org.');
      expect(query<HTMLInputElement>(form(), '#invite-email').value).toBe('');

      pendingRequest().flush({
        items: [anInvitation({ id: 'i2', email: 'new.coordinator@example.org', role: 'coordinator' }), PENDING],
        nextCursor: null,
      });
      await settle(harness.fixture);
      expect(pending().querySelectorAll('tbody tr')).toHaveLength(2);
    });

    it('shows the API’s refusal at the e-mail field', async () => {
      fill(form(), '#invite-email', 'ana@example.org');
      fill(form(), '#invite-organization', OTHER_ORG);
      button(form(), 'Send invitation').click();
      await settle(harness.fixture);
      http
        .expectOne({ method: 'POST', url: '/api/invitations' })
        .flush(anError(409, 'email_taken', [{ field: 'email', message: 'already has an account' }]), {
          status: 409,
          statusText: 'Conflict',
        });
      await settle(harness.fixture);
      expect(text(form(), '#invite-email-error')).toBe('Someone with this e-mail address already has an account.');
      expect(query(form(), '#invite-email').getAttribute('aria-invalid')).toBe('true');
      expect(page.querySelector('section.invite [role="status"]')).toBeNull();
    });

    it('revokes after a confirmation, and says so', async () => {
      query<HTMLButtonElement>(pending(), 'button[aria-label="Revoke the invitation to new.person@example.org"]').click();
      await settle(harness.fixture);
      expect(text(pending(), '.confirm__question')).toBe(
        'Revoke the invitation to new.person@example.org? Its link stops working at once.',
      );
      expect(document.activeElement?.textContent?.trim()).toBe('Yes, revoke');
      button(pending(), 'Yes, revoke').click();
      await settle(harness.fixture);
      const request = http.expectOne(`/api/invitations/${PENDING.id}`);
      expect(request.request.method).toBe('DELETE');
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle(harness.fixture);
      expect(text(pending(), '[role="status"]')).toBe('The invitation to new.person@example.org has been revoked.');
      expect(text(pending(), '.panel')).toBe('No pending invitations.');
      expect(document.activeElement?.id).toBe('pending-heading');
    });
  });

  it('lets a coordinator invite to their own organization only, and not as administrator', async () => {
    await open({ role: 'coordinator' });
    http.expectNone((r) => r.url === '/api/organizations');
    pendingRequest().flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(pending(), '.panel')).toBe('No pending invitations.');

    const organization = query<HTMLInputElement>(form(), '#invite-organization');
    expect(organization.readOnly).toBe(true);
    expect(organization.value).toBe('Centro de Derechos');
    expect(text(form(), '#invite-organization-hint')).toBe('Coordinators invite people to their own organization.');
    expect([...query<HTMLSelectElement>(form(), '#invite-role').options].map((o) => o.value)).toEqual([
      'coordinator',
      'member',
      'observer',
    ]);

    fill(form(), '#invite-email', 'someone@example.org');
    button(form(), 'Send invitation').click();
    await settle(harness.fixture);
    const post = http.expectOne({ method: 'POST', url: '/api/invitations' });
    expect(post.request.body).toEqual({ email: 'someone@example.org', organizationId: ADMIN_ORG, role: 'member' });
    post.flush(anInvitation({ email: 'someone@example.org', organizationId: ADMIN_ORG }));
    await settle(harness.fixture);
    expect(text(page, 'section.invite [role="status"]')).toBe('Invitation sent to someone@example.org.');
    pendingRequest().flush({ items: [], nextCursor: null });
  });

  it('says so when the pending invitations cannot be loaded, and retries', async () => {
    await open({ role: 'coordinator' });
    pendingRequest().error(new ProgressEvent('error'));
    await settle(harness.fixture);
    expect(text(pending(), '[role="alert"]')).toBe('The server could not be reached. Check your connection and try again.');
    button(pending(), 'Try again').click();
    await settle(harness.fixture);
    pendingRequest().flush({ items: [PENDING], nextCursor: null });
    await settle(harness.fixture);
    expect(pending().querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
