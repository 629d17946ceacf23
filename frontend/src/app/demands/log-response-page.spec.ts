import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { dayInZone } from '../core/dates/dates';
import { Session } from '../core/session/session';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { FlashNotice } from '../core/ui/flash-notice';
import { RESPONSE_ROUTES } from './responses.routes';
import { CAMPAIGN_ID, OAS_ID, UN_ID, aCampaign, aDemand, aResponse } from './testing/demand-fixtures';

@Component({ imports: [FlashNotice], template: '<h1>Overview</h1><dm-flash-notice />' })
class Overview {}

@Component({ imports: [FlashNotice], template: '<h1>Demand</h1><dm-flash-notice />' })
class Demand {}

const SG = aDemand();
const SC = aDemand({
  id: 'd0000000-0000-4000-8000-000000000002',
  reference: 'sc-emergency-meeting',
  text: 'convening an emergency meeting',
  category: 'meeting',
  status: 'no_response',
  nextStatuses: ['acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn'],
  office: { ...aDemand().office, id: 'o2', title: 'President of the Security Council' },
});
const OAS = aDemand({
  id: 'd0000000-0000-4000-8000-000000000003',
  text: 'placing the situation on the agenda',
  office: { ...aDemand().office, id: 'o3', title: 'Secretary General of the OAS', institutionId: OAS_ID, institutionName: 'OAS' },
});
const NEW = `/campaigns/${CAMPAIGN_ID}/responses/new`;

describe('LogResponsePage', () => {
  let http: HttpTestingController;

  async function signIn(role: 'coordinator' | 'member'): Promise<void> {
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser({ role }), csrfToken: 'csrf-1' });
    await loading;
  }

  beforeEach(async () => {
    http = await setUpPageSpec([
      { path: 'campaigns/:campaignId/responses', children: RESPONSE_ROUTES },
      { path: 'campaigns/:campaignId/demands/:demandId', component: Demand },
      { path: 'campaigns/:campaignId', component: Overview },
    ]);
  });

  afterEach(tearDownPageSpec);

  const demandsRequest = (): TestRequest => http.expectOne((r) => r.method === 'GET' && r.url === `/api/campaigns/${CAMPAIGN_ID}/demands`);

  async function open(url: string, campaign = aCampaign()): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(url);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, '[role="status"]')).toBe('Loading the campaign’s demands…');
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}`).flush(campaign);
    const demands = demandsRequest();
    expect(demands.request.params.get('limit')).toBe('200');
    demands.flush({ items: [SG, SC, OAS], nextCursor: null });
    await settle(harness.fixture);
    return { harness, page };
  }

  const checkboxes = (page: HTMLElement) =>
    [...page.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((c) => ({ id: c.value, checked: c.checked }));
  const moveOptions = (page: HTMLElement, demandId: string) =>
    [...page.querySelectorAll<HTMLOptionElement>(`#move-${demandId} option`)].map((o) => o.value);

  function fillTheRest(page: HTMLElement): void {
    fill(page, '#response-assessment', 'non_committal');
    fill(page, '#response-channel', 'letter');
    fill(page, '#response-received', '2025-05-02');
    fill(page, '#response-summary', ' The Secretary-General acknowledged the letter. ');
    fill(page, '#response-source', 'https://example.org/answer');
  }

  it('pre-fills the institution and the demand from the query, and offers only the allowed status moves', async () => {
    await signIn('coordinator');
    const { page } = await open(`${NEW}?demandId=${SG.id}&from=demand`);

    expect(query<HTMLSelectElement>(page, '#response-institution').value).toBe(UN_ID);
    expect(text(page, 'fieldset legend')).toBe('Demands it answers');
    // The UN's demands only; the one the link named is ticked.
    expect(checkboxes(page)).toEqual([
      { id: SG.id, checked: true },
      { id: SC.id, checked: false },
    ]);
    expect(text(page, `label[for="answers-${SC.id}"]`)).toBe(
      'President of the Security Council No response convening an emergency meeting',
    );

    const moves = page.querySelectorAll('fieldset')[1]!;
    expect(text(moves, 'legend')).toBe('Status changes (optional)');
    expect(text(moves, '.field__hint')).toBe('Applied when you log the response, and recorded in each demand’s history.');
    expect(moveOptions(page, SG.id)).toEqual(['', 'acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn']);
    expect(text(page, `#move-${SG.id} option[value=""]`)).toBe('Leave it Sent');
    expect(text(page, `label[for="move-${SG.id}"]`)).toBe(`Secretary-General: “${SG.text}”`);
    expect(query<HTMLInputElement>(page, '#response-received').value).toBe(dayInZone(aUser().timeZone));
    expect(text(page, '.back a')).toBe('Back to the demand');
  });

  it('pre-fills only the institution when that is all the link names', async () => {
    await signIn('coordinator');
    const { harness, page } = await open(`${NEW}?institutionId=${OAS_ID}`);
    expect(query<HTMLSelectElement>(page, '#response-institution').value).toBe(OAS_ID);
    expect(checkboxes(page)).toEqual([{ id: OAS.id, checked: false }]);
    expect(page.querySelectorAll('fieldset').length).toBe(1); // no status moves before a demand is ticked

    click(page, `#answers-${OAS.id}`);
    await settle(harness.fixture);
    expect(moveOptions(page, OAS.id)).toEqual(['', ...OAS.nextStatuses]);

    fill(page, '#response-institution', UN_ID); // another institution: its demands, none ticked
    await settle(harness.fixture);
    expect(checkboxes(page)).toEqual([
      { id: SG.id, checked: false },
      { id: SC.id, checked: false },
    ]);
  });

  it('logs the response with its status moves, then returns to the demand and confirms', async () => {
    await signIn('coordinator');
    const { harness, page } = await open(`${NEW}?demandId=${SG.id}&institutionId=${UN_ID}&from=demand`);
    click(page, `#answers-${SC.id}`);
    await settle(harness.fixture);
    fill(page, `#move-${SG.id}`, 'acknowledged');
    fillTheRest(page);
    button(page, 'Log the response').click();

    const post = http.expectOne((r) => r.method === 'POST' && r.url === `/api/campaigns/${CAMPAIGN_ID}/responses`);
    expect(post.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(post.request.body).toEqual({
      institutionId: UN_ID,
      demandIds: [SG.id, SC.id],
      assessment: 'non_committal',
      channel: 'letter',
      receivedOn: '2025-05-02',
      summary: 'The Secretary-General acknowledged the letter.',
      sourceUrl: 'https://example.org/answer',
      statusMoves: [{ demandId: SG.id, to: 'acknowledged' }],
    });
    post.flush(aResponse(), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe(`/campaigns/${CAMPAIGN_ID}/demands/${SG.id}`);
    expect(text(page, '[role="status"]')).toBe('The response has been logged.');
  });

  it('shows the API’s field errors at their fields, list items included, and focuses the first', async () => {
    await signIn('coordinator');
    const { harness, page } = await open(`${NEW}?demandId=${SG.id}`);
    fill(page, `#move-${SG.id}`, 'met');
    fillTheRest(page);
    button(page, 'Log the response').click();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        anError(400, 'validation_failed', [
          { field: 'demandIds.0', message: 'is not a demand of this campaign addressed to this institution' },
          { field: 'statusMoves.0.to', message: 'must be one of: acknowledged' },
          { field: 'sourceUrl', message: 'must be an http(s) URL' },
        ]),
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(harness.fixture);

    const checkbox = query<HTMLInputElement>(page, `#answers-${SG.id}`);
    expect(checkbox.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, `#${checkbox.getAttribute('aria-describedby')}`)).toBe(
      'Not accepted: is not a demand of this campaign addressed to this institution.',
    );
    const move = query(page, `#move-${SG.id}`);
    expect(move.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, `#${move.getAttribute('aria-describedby')}`)).toBe('Not accepted: must be one of: acknowledged.');
    const source = query(page, '#response-source');
    expect(source.getAttribute('aria-invalid')).toBe('true');
    expect(source.getAttribute('aria-describedby')).toBe('response-source-hint log-response-sourceUrl-error');
    expect(text(page, '#log-response-sourceUrl-error')).toBe('Not accepted: must be an http(s) URL.');
    expect(page.querySelector('[role="alert"]')).toBeNull(); // nothing left for a form-level message
    expect(document.activeElement).toBe(checkbox);
    expect(TestBed.inject(Router).url).toContain('/responses/new');
  });

  it('checks the fields before sending, and focuses the first one missing', async () => {
    await signIn('coordinator');
    const { harness, page } = await open(NEW);
    expect(query<HTMLSelectElement>(page, '#response-institution').value).toBe('');
    button(page, 'Log the response').click();
    await settle(harness.fixture);

    const institution = query(page, '#response-institution');
    expect(institution.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, '#log-response-institutionId-error')).toBe('Choose the institution that answered.');
    expect(text(page, '#log-response-assessment-error')).toBe('Choose an assessment.');
    expect(text(page, '#log-response-summary-error')).toBe('Summarize the response.');
    expect(document.activeElement).toBe(institution);

    fill(page, '#response-institution', UN_ID);
    fill(page, '#response-source', 'ftp://example.org');
    button(page, 'Log the response').click();
    await settle(harness.fixture);
    expect(text(page, '#log-response-demandIds-error')).toBe('Tick at least one demand.');
    expect(text(page, '#log-response-sourceUrl-error')).toBe('Enter a web address starting with https:// or http://.');
    expect(document.activeElement).toBe(query(page, `#answers-${SG.id}`));
  });

  it('tells members that a coordinator confirms their status moves, and says so after logging', async () => {
    await signIn('member');
    const { harness, page } = await open(
      `${NEW}?demandId=${SG.id}`,
      aCampaign({ canCoordinate: false, canContribute: true, organizationRole: 'signatory' }),
    );
    expect(text(page, '#response-moves-hint')).toBe(
      'You are not a coordinator of a lead organization: your changes are sent as proposals. A coordinator will confirm them.',
    );
    fill(page, `#move-${SG.id}`, 'acknowledged');
    fillTheRest(page);
    button(page, 'Log the response').click();
    const post = http.expectOne((r) => r.method === 'POST');
    expect(post.request.body.statusMoves).toEqual([{ demandId: SG.id, to: 'acknowledged' }]);
    post.flush(aResponse(), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe(`/campaigns/${CAMPAIGN_ID}`); // no `from=demand`: back to the overview
    expect(text(page, '[role="status"]')).toBe('The response has been logged. Your status changes wait for a coordinator to confirm them.');
  });

  it('when a status moved meanwhile, says so, reloads the demands and drops moves no longer allowed', async () => {
    await signIn('coordinator');
    const { harness, page } = await open(`${NEW}?demandId=${SG.id}`);
    fill(page, `#move-${SG.id}`, 'acknowledged');
    fillTheRest(page);
    button(page, 'Log the response').click();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        { ...anError(409, 'illegal_transition', [{ field: 'to', message: 'must be one of: under_consideration' }]), current: 'rejected' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(harness.fixture);
    demandsRequest().flush({ items: [{ ...SG, status: 'rejected', nextStatuses: ['under_consideration'] }, SC, OAS], nextCursor: null });
    await settle(harness.fixture);

    expect(text(page, '[role="alert"]')).toBe(
      'A demand’s status changed meanwhile, so a status change is no longer possible. The choices now show what is allowed; check them and try again.',
    );
    expect(moveOptions(page, SG.id)).toEqual(['', 'under_consideration']);
    expect(query<HTMLSelectElement>(page, `#move-${SG.id}`).value).toBe('');
    expect(checkboxes(page)[0]).toEqual({ id: SG.id, checked: true }); // the rest of the form is kept
    expect(query<HTMLTextAreaElement>(page, '#response-summary').value).toContain('acknowledged the letter');
  });

  it('explains to observers that they cannot log responses', async () => {
    await signIn('member');
    const { page } = await open(NEW, aCampaign({ canCoordinate: false, canContribute: false, organizationRole: 'signatory' }));
    expect(page.querySelector('form')).toBeNull();
    expect(text(page, '[role="alert"]')).toBe('Observers can read this campaign but cannot log responses.');
  });
});
