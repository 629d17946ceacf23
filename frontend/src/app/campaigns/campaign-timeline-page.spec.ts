import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { CAMPAIGN_ID, aCampaign, aDashboard, anEntry } from './campaign-fixtures';
import { CampaignTimelinePage } from './campaign-timeline-page';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const TIMELINE = `/api/campaigns/${CAMPAIGN_ID}/timeline`;

describe('CampaignTimelinePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'campaigns/:campaignId/timeline', component: CampaignTimelinePage }]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    harness = await RouterTestingHarness.create(`/campaigns/${CAMPAIGN_ID}/timeline`);
    page = harness.fixture.nativeElement as HTMLElement;
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}`).flush(aCampaign());
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}/dashboard`).flush(aDashboard());
  });

  afterEach(tearDownPageSpec);

  const entries = () =>
    [...page.querySelectorAll('dm-timeline-list li')].map((li) => [...li.querySelectorAll('p')].map((p) => clean(p.textContent)).join(' '));

  it('lists the changes readably — what, to which demand, who, when — and loads more with the cursor', async () => {
    expect(text(page, '[role="status"]')).toBe('Loading the timeline…');
    http
      .expectOne((r) => r.url === TIMELINE && !r.params.has('cursor'))
      .flush({
        items: [
          anEntry({
            id: '3',
            action: 'demand.status_changed',
            subjectId: 'd0000000-0000-4000-8000-000000000003',
            before: { status: 'sent' },
            after: { status: 'no_response', note: null, systemNote: { key: 'deadline_passed', params: {} } },
            occurredAt: '2025-05-01T04:00:00.000Z',
          }),
          anEntry({ id: '2', action: 'something.new', actorName: 'Ana Pérez' }),
        ],
        nextCursor: 'cursor-2',
      });
    await settle(harness.fixture);
    expect(text(page, '.lead')).toBe('Stop the transfers to CECOT');
    expect(entries()).toEqual([
      'Demand status changed — President of the United Nations Security Council: urgently call an emergency meeting ' +
        'Status: Sent to No response Note: “The deadline passed with no response.” Demarche (automatic) · May 1, 2025, 01:00 AM GMT-3',
      'Change recorded (something.new) Ana Pérez · Apr 29, 2025, 01:00 PM GMT-3',
    ]);
    expect(page.querySelector('dm-timeline-list a')?.getAttribute('href')).toBe(
      `/campaigns/${CAMPAIGN_ID}/demands/d0000000-0000-4000-8000-000000000003`,
    );

    button(page, 'Load more').click();
    http
      .expectOne((r) => r.url === TIMELINE && r.params.get('cursor') === 'cursor-2')
      .flush({ items: [anEntry({ id: '1' })], nextCursor: null });
    await settle(harness.fixture);
    expect(entries()).toHaveLength(3);
    expect(entries()[2]).toBe('Campaign created Demarche (automatic) · Apr 29, 2025, 01:00 PM GMT-3');
    expect([...page.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('Load more');
  });

  it('names a deleted draft demand by its words, with no link to a page that is gone', async () => {
    http
      .expectOne((r) => r.url === TIMELINE)
      .flush({
        items: [
          anEntry({
            id: '4',
            action: 'demand.deleted',
            subjectId: 'd0000000-0000-4000-8000-000000000099',
            before: { text: 'Publish the agreement', status: 'draft' },
            after: null,
            actorName: 'Ana Pérez',
          }),
        ],
        nextCursor: null,
      });
    await settle(harness.fixture);
    expect(entries()).toEqual(['Draft demand deleted — Publish the agreement Ana Pérez · Apr 29, 2025, 01:00 PM GMT-3']);
    expect(page.querySelector('dm-timeline-list a')).toBeNull();
  });

  it('says when nothing has happened yet', async () => {
    http.expectOne((r) => r.url === TIMELINE).flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, '.panel')).toBe('Nothing has happened in this campaign yet.');
  });

  it('reports an error and tries again', async () => {
    http.expectOne((r) => r.url === TIMELINE).flush(anError(503, 'unavailable'), { status: 503, statusText: 'Service Unavailable' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toContain('unavailable');
    button(page, 'Try again').click();
    http.expectOne((r) => r.url === TIMELINE).flush({ items: [anEntry()], nextCursor: null });
    await settle(harness.fixture);
    expect(entries()).toHaveLength(1);
  });
});
