import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { DEMAND_ROUTES } from './demands.routes';
import { RESPONSE_ROUTES } from './responses.routes';
import { CAMPAIGN_ID, aCampaign, aDemandDetail, aResponse } from './testing/demand-fixtures';

@Component({ template: '<h1>Overview</h1>' })
class Overview {}

const DEMAND_ID = aDemandDetail().id;
const URL = `/campaigns/${CAMPAIGN_ID}/demands/${DEMAND_ID}`;

describe('DemandPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    // Mounted as campaigns.routes.ts mounts it: `campaignId` is declared above these routes.
    http = await setUpPageSpec([
      { path: 'campaigns/:campaignId/demands', children: DEMAND_ROUTES },
      { path: 'campaigns/:campaignId/responses', children: RESPONSE_ROUTES },
      { path: 'campaigns/:campaignId', component: Overview },
    ]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser({ role: 'coordinator' }), csrfToken: 'csrf-1' });
    await loading;
  });

  afterEach(tearDownPageSpec);

  const demandRequest = (): TestRequest => http.expectOne((r) => r.method === 'GET' && r.url === `/api/demands/${DEMAND_ID}`);
  const campaignRequest = (): TestRequest => http.expectOne(`/api/campaigns/${CAMPAIGN_ID}`);

  /** Opens the page and answers its requests: the demand, the campaign, its responses and follow-ups. */
  async function open(demand = aDemandDetail(), campaign = aCampaign()): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, '[role="status"]')).toBe('Loading the demand…');
    demandRequest().flush(demand);
    campaignRequest().flush(campaign);
    await settle(harness.fixture);
    const responses = http.expectOne((r) => r.url === `/api/campaigns/${CAMPAIGN_ID}/responses`);
    expect(responses.request.params.get('demandId')).toBe(DEMAND_ID);
    responses.flush({ items: [aResponse()], nextCursor: null });
    const followUps = http.expectOne((r) => r.url === `/api/campaigns/${CAMPAIGN_ID}/follow-ups`);
    expect(followUps.request.params.get('demandId')).toBe(DEMAND_ID);
    followUps.flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    return { harness, page };
  }

  const options = (page: HTMLElement): (string | undefined)[] =>
    [...page.querySelectorAll<HTMLOptionElement>('#status-change-to option')].map((o) => o.value);

  it('shows the letter’s words, office, holder, deadline in the person’s zone, history, responses and follow-ups', async () => {
    const { page } = await open(
      aDemandDetail({
        deadline: {
          at: '2025-06-16T21:59:00.000Z',
          timeZone: 'Europe/Zurich',
          follows: 'milestone',
          milestoneId: 'm1',
          milestoneTitle: 'June session',
          termId: null,
        },
        history: [
          {
            fromStatus: null,
            toStatus: 'draft',
            note: null,
            systemNote: null,
            actorId: null,
            actorName: null,
            changedAt: '2025-04-28T12:00:00.000Z',
          },
          {
            fromStatus: 'draft',
            toStatus: 'sent',
            note: 'Delivered.',
            systemNote: null,
            actorId: 'u1',
            actorName: 'Ana Pérez',
            changedAt: '2025-04-29T15:00:00.000Z',
          },
          {
            fromStatus: 'sent',
            toStatus: 'acknowledged',
            note: null,
            // Stored as a key: worded here, in the reader's language.
            systemNote: { key: 'response_logged', params: { receivedOn: '2025-05-02', summary: 'Receipt acknowledged' } },
            actorId: 'u1',
            actorName: 'Ana Pérez',
            changedAt: '2025-05-03T15:00:00.000Z',
          },
        ],
      }),
    );
    expect(text(page, 'h1')).toBe('Demand to Secretary-General sg-special-envoy');
    expect(text(page, 'blockquote')).toBe('appointing a Special Envoy with unimpeded access to CECOT');
    expect(text(page, '.head dm-status-chip')).toBe('Sent');
    const facts = Object.fromEntries([...page.querySelectorAll('.facts > div')].map((div) => [text(div, 'dt'), text(div, 'dd')]));
    expect(facts).toEqual({
      'Addressed to': 'Secretary-General (United Nations)',
      'Officeholder now': 'António Guterres',
      // 23:59 in Geneva is 18:59 in Buenos Aires; both zones are named.
      Deadline:
        'Jun 16, 2025, 06:59 PM GMT-3 (your time zone, America/Argentina/Buenos_Aires) ' +
        'Follows the milestone “June session”: it moves when the milestone does.' + // block lines
        'Set in Europe/Zurich: Jun 16, 2025, 11:59 PM GMT+2',
      Category: 'Investigation',
      Priority: 'High',
      Sent: 'Apr 29, 2025, 01:00 AM GMT-3',
    });

    const history = [...page.querySelectorAll('.history li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(history).toEqual([
      'Sent → Acknowledged By Ana Pérez, May 3, 2025, 12:00 PM GMT-3 Response of May 2, 2025: Receipt acknowledged', // newest first
      'Draft → Sent By Ana Pérez, Apr 29, 2025, 12:00 PM GMT-3 Delivered.',
      'Recorded as Draft By Demarche (automatic), Apr 28, 2025, 09:00 AM GMT-3',
    ]);
    expect(text(page, 'dm-demand-responses li a')).toBe('United Nations, received May 2, 2025');
    expect(query(page, 'dm-demand-responses li a').getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}/responses/${aResponse().id}`);
    expect(text(page, 'dm-demand-follow-ups')).toContain('No follow-ups on this demand.');

    const log = [...page.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Log a response');
    expect(log?.getAttribute('href')).toBe(
      `/campaigns/${CAMPAIGN_ID}/responses/new?demandId=${DEMAND_ID}&institutionId=${aDemandDetail().office.institutionId}&from=demand`,
    );
  });

  it('offers only the statuses allowed next, and moves the demand with the status it showed as `from`', async () => {
    const { harness, page } = await open();
    expect(options(page)).toEqual(['', 'acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn']);

    fill(page, '#status-change-to', 'acknowledged');
    fill(page, '#status-change-note', ' Reply received. ');
    button(page, 'Change status').click();
    const move = http.expectOne(`/api/demands/${DEMAND_ID}/transitions`);
    expect(move.request.method).toBe('POST');
    expect(move.request.body).toEqual({ to: 'acknowledged', from: 'sent', note: 'Reply received.' });
    const moved = aDemandDetail({
      status: 'acknowledged',
      nextStatuses: ['under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn'],
      history: [
        ...aDemandDetail().history,
        {
          fromStatus: 'sent',
          toStatus: 'acknowledged',
          note: 'Reply received.',
          systemNote: null,
          actorId: 'u1',
          actorName: 'Ana Pérez',
          changedAt: '2025-05-03T15:00:00.000Z',
        },
      ],
    });
    move.flush(moved);
    await settle(harness.fixture);

    expect(text(page, '.head dm-status-chip')).toBe('Acknowledged');
    expect(text(page, 'dm-status-change-form [role="status"]')).toBe('The status is now Acknowledged.');
    expect(text(page, '.history li')).toContain('Sent → Acknowledged');
    expect(options(page)).toEqual(['', 'under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn']);
    expect(query<HTMLSelectElement>(page, '#status-change-to').value).toBe('');
  });

  it('on 409 stale_status says where the demand is now and reloads it, with the choices allowed now', async () => {
    const { harness, page } = await open();
    fill(page, '#status-change-to', 'met');
    button(page, 'Change status').click();
    http.expectOne(`/api/demands/${DEMAND_ID}/transitions`).flush(
      {
        ...anError(409, 'stale_status', [{ field: 'from', message: 'is rejected now' }]),
        current: 'rejected',
        allowed: ['under_consideration'],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(harness.fixture);

    demandRequest().flush(aDemandDetail({ status: 'rejected', nextStatuses: ['under_consideration'] }));
    campaignRequest().flush(aCampaign());
    await settle(harness.fixture);
    // The responses and follow-ups stay as they were: same demand.
    expect(text(page, '[role="alert"]')).toBe(
      'Someone changed this demand meanwhile: it is Rejected now. The page shows its current status; choose again if a change is still needed.',
    );
    expect(text(page, '.head dm-status-chip')).toBe('Rejected');
    expect(options(page)).toEqual(['', 'under_consideration']);
    expect(query<HTMLSelectElement>(page, '#status-change-to').value).toBe('');
  });

  it('checks that a status is chosen before sending', async () => {
    const { harness, page } = await open();
    button(page, 'Change status').click();
    await settle(harness.fixture);
    const select = query(page, '#status-change-to');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, '#status-change-to-error')).toBe('Choose the new status.');
    expect(document.activeElement).toBe(select);
  });

  it('has no status form for people who do not coordinate the campaign', async () => {
    const { page } = await open(aDemandDetail(), aCampaign({ canCoordinate: false, organizationRole: 'signatory' }));
    expect(page.querySelector('dm-status-change-form')).toBeNull();
    expect(page.textContent).toContain('Only coordinators of a lead organization change statuses.');
  });

  it('says so when nothing may follow the status', async () => {
    const { page } = await open(aDemandDetail({ status: 'met', nextStatuses: [] }));
    expect(page.querySelector('#status-change-to')).toBeNull();
    expect(text(page, 'dm-status-change-form')).toContain('It is Met: no other status follows.');
  });

  it('says when the demand is not there, and offers to try again', async () => {
    const harness = await RouterTestingHarness.create(URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    demandRequest().flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    campaignRequest().flush(aCampaign());
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('This demand does not exist, or your organization is not part of its campaign.');
    button(page, 'Try again').click();
    await harness.fixture.whenStable();
    expect(text(page, '[role="status"]')).toBe('Loading the demand…');
    demandRequest().flush(aDemandDetail());
    campaignRequest().flush(aCampaign());
    await settle(harness.fixture);
    http.expectOne((r) => r.url.endsWith('/responses')).flush({ items: [], nextCursor: null });
    http.expectOne((r) => r.url.endsWith('/follow-ups')).flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, 'blockquote')).toBe(aDemandDetail().text);
    expect(text(page, 'dm-demand-responses')).toContain('No response has been logged for this demand yet.');
  });
});
