import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { CAMPAIGN_ID, aCampaignSummary } from './campaign-fixtures';
import { CampaignsListPage } from './campaigns-list-page';

describe('CampaignsListPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'campaigns', component: CampaignsListPage }]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    harness = await RouterTestingHarness.create('/campaigns');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(tearDownPageSpec);

  const list = () => http.expectOne((r) => r.url === '/api/campaigns' && r.method === 'GET');

  it('shows a loading state, then each campaign with its figures and a link to its overview', async () => {
    expect(text(page, '[role="status"]')).toBe('Loading campaigns…');
    list().flush({ items: [aCampaignSummary()], nextCursor: null });
    await settle(harness.fixture);

    const item = page.querySelector(`[data-campaign-id="${CAMPAIGN_ID}"]`)!;
    expect(item.querySelector('h2 a')?.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}`);
    expect(text(item, '.campaign__meta')).toBe('Active Example data Your organization leads · Letter of Apr 29, 2025');
    expect([...item.querySelectorAll('.figures > div')].map((d) => `${text(d, 'dt')}: ${text(d, 'dd')}`)).toEqual([
      'Demands: 35',
      'Responses: 1',
      'Open follow-ups: 4',
      'Overdue follow-ups: 1',
    ]);
    expect([...item.querySelectorAll('.by-status li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Sent 33',
      'Acknowledged 2',
    ]);
  });

  it('says "No campaigns yet" when there are none', async () => {
    list().flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, '.panel')).toBe('No campaigns yet.');
  });

  it('reports an error and tries again', async () => {
    list().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Internal Server Error' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toContain('internal_error');

    button(page, 'Try again').click();
    list().flush({ items: [aCampaignSummary()], nextCursor: null });
    await settle(harness.fixture);
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(page.querySelectorAll('.campaigns > li')).toHaveLength(1);
  });

  it('loads more campaigns with the cursor', async () => {
    list().flush({ items: [aCampaignSummary()], nextCursor: 'next-1' });
    await settle(harness.fixture);

    button(page, 'Show more campaigns').click();
    http
      .expectOne((r) => r.url === '/api/campaigns' && r.params.get('cursor') === 'next-1')
      .flush({ items: [aCampaignSummary({ id: 'c2', title: 'Second letter', myRole: null, letterDate: null })], nextCursor: null });
    await settle(harness.fixture);

    expect([...page.querySelectorAll('.campaigns h2')].map((h) => h.textContent?.trim())).toEqual([
      'Stop the transfers to CECOT',
      'Second letter',
    ]);
    expect([...page.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('Show more campaigns');
  });
});

describe('CampaignsListPage, for those who set up campaigns', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'campaigns', component: CampaignsListPage }]);
  });

  afterEach(tearDownPageSpec);

  async function open(role: 'admin' | 'coordinator' | 'member'): Promise<HTMLElement> {
    await TestBed.inject(Session).start({ user: aUser({ role }), csrfToken: 'csrf-1' });
    const harness = await RouterTestingHarness.create('/campaigns');
    const draft = aCampaignSummary({ id: 'c2', title: 'Access for monitors', status: 'draft', letterDate: null, myRole: 'lead' });
    const theirs = aCampaignSummary({ id: 'c3', title: 'Their draft', status: 'draft', letterDate: null, myRole: 'signatory' });
    http
      .expectOne((r) => r.url === '/api/campaigns' && r.method === 'GET')
      .flush({ items: [draft, theirs, aCampaignSummary()], nextCursor: null });
    await settle(harness.fixture);
    return harness.fixture.nativeElement as HTMLElement;
  }

  const links = (page: HTMLElement) => [...page.querySelectorAll('.campaigns h2 a')].map((a) => a.getAttribute('href'));

  it('offers coordinators a new campaign, and opens the set-up of the drafts their organization leads', async () => {
    const page = await open('coordinator');
    expect(page.querySelector('a[href="/campaigns/new"]')?.textContent?.trim()).toBe('New campaign');
    expect(links(page)).toEqual(['/campaigns/c2/setup', '/campaigns/c3', `/campaigns/${CAMPAIGN_ID}`]);
  });

  it('opens the set-up of every draft for administrators', async () => {
    const page = await open('admin');
    expect(page.querySelector('a[href="/campaigns/new"]')).not.toBeNull();
    expect(links(page)).toEqual(['/campaigns/c2/setup', '/campaigns/c3/setup', `/campaigns/${CAMPAIGN_ID}`]);
  });

  it('offers members neither, and opens overviews only', async () => {
    const page = await open('member');
    expect(page.querySelector('a[href="/campaigns/new"]')).toBeNull();
    expect(links(page)).toEqual(['/campaigns/c2', '/campaigns/c3', `/campaigns/${CAMPAIGN_ID}`]);
  });
});
