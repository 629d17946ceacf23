import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { HomePage } from './home-page';
import type { CampaignInvitation } from './campaign-invitations';

function anInvitation(overrides: Partial<CampaignInvitation> = {}): CampaignInvitation {
  return {
    id: 'i1',
    campaignId: 'c1',
    campaignTitle: 'Urgent action on CECOT',
    campaignSummary: 'Access for independent monitors.',
    organizationId: 'b0e3c0a4-1111-4c2d-8e0f-000000000001',
    role: 'signatory',
    invitedByOrganizationName: 'Cristosal',
    invitedByName: 'Noah Levy',
    createdAt: '2026-11-28T12:00:00.000Z',
    status: 'pending',
    decidedAt: null,
    ...overrides,
  };
}

describe('CampaignInvitations on the home page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(role: 'coordinator' | 'member' | null): Promise<void> {
    http = await setUpPageSpec([{ path: '', component: HomePage }]);
    if (role) {
      const loading = TestBed.inject(Session).load();
      http.expectOne('/api/me').flush({ user: aUser({ role }), csrfToken: 'csrf-1' });
      await loading;
    }
    harness = await RouterTestingHarness.create('/');
    page = harness.fixture.nativeElement as HTMLElement;
    http.expectOne('/api/health').flush({
      status: 'ok',
      version: '0.1.0',
      checks: { database: { status: 'up', address: '127.0.0.1:5432' }, redis: { status: 'up', address: '127.0.0.1:6379' } },
    });
  }

  afterEach(tearDownPageSpec);

  const list = async (): Promise<TestRequest> => {
    let request: TestRequest | undefined;
    await vi.waitFor(() => {
      request = http.expectOne((r) => r.url === '/api/campaign-invitations' && r.method === 'GET');
    });
    return request!;
  };
  const cards = () => [...page.querySelectorAll('[data-invitation-id]')];

  it('shows a coordinator each invitation: campaign, who invites, the role, when, with Accept and Decline', async () => {
    await open('coordinator');
    (await list()).flush({ items: [anInvitation()], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, 'h2')).toBe('Invitations to join a campaign');
    const [card] = cards();
    expect(text(card!, 'h3')).toBe('Urgent action on CECOT');
    expect(text(card!, '.invitation__offer')).toBe('Cristosal invites your organization to join as a signatory.');
    expect(text(card!, '.invitation__sent')).toBe('Sent by Noah Levy on Nov 28, 2026, 09:00 AM GMT-3.');
    expect(text(card!, '.invitation__summary')).toBe('Access for independent monitors.');
    expect(card!.querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe('invitation-i1');
    expect(button(card!, 'Accept')).toBeTruthy();
    expect(button(card!, 'Decline')).toBeTruthy();
  });

  it('accepts, then says so with a link to the campaign', async () => {
    await open('coordinator');
    (await list()).flush({ items: [anInvitation()], nextCursor: null });
    await settle(harness.fixture);
    button(page, 'Accept').click();
    await settle(harness.fixture);
    expect(button(page, 'Accepting…').getAttribute('aria-disabled')).toBe('true');
    const accept = http.expectOne('/api/campaign-invitations/i1/accept');
    expect(accept.request.method).toBe('POST');
    expect(accept.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    accept.flush(anInvitation({ status: 'accepted', decidedAt: '2026-11-29T12:00:00.000Z' }));
    await settle(harness.fixture);
    expect(text(page, '[role="status"].alert')).toBe('Accepted: your organization is now part of this campaign. Open the campaign');
    expect(page.querySelector('.alert a')?.getAttribute('href')).toBe('/campaigns/c1');
    expect(page.querySelectorAll('.invitation__actions')).toHaveLength(0);
  });

  it('declines; an invitation answered meanwhile is explained, not a bare error', async () => {
    await open('coordinator');
    (await list()).flush({ items: [anInvitation(), anInvitation({ id: 'i2', campaignTitle: 'Second' })], nextCursor: null });
    await settle(harness.fixture);
    button(cards()[0]!, 'Decline').click();
    http.expectOne('/api/campaign-invitations/i1/decline').flush(anInvitation({ status: 'declined' }));
    await settle(harness.fixture);
    expect(text(cards()[0]!, '[role="status"]')).toBe('Declined: your organization stays out of this campaign.');

    button(cards()[1]!, 'Accept').click();
    http
      .expectOne('/api/campaign-invitations/i2/accept')
      .flush({ ...anError(409, 'invitation_decided'), outcome: 'withdrawn' }, { status: 409, statusText: 'Conflict' });
    await settle(harness.fixture);
    expect(text(cards()[1]!, '[role="alert"]')).toBe(
      'This invitation has already been answered or withdrawn. Reload the page to see where things stand.',
    );
    expect(button(cards()[1]!, 'Accept')).toBeTruthy();
  });

  it('shows nothing when there is nothing to answer', async () => {
    await open('coordinator');
    (await list()).flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(page.querySelector('.invitations')).toBeNull();
    expect(text(page, 'h1')).toBe('Welcome to Demarche');
  });

  it('asks nothing for members', async () => {
    await open('member');
    await settle(harness.fixture);
    http.expectNone('/api/campaign-invitations');
    expect(page.querySelector('.invitations')).toBeNull();
  });
});
