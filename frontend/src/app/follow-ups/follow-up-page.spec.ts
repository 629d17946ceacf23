import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { aCampaign } from '../campaigns/campaign-fixtures';
import type { Campaign } from '../campaigns/campaign-data';
import { Session, type Me } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import type { FollowUp } from './follow-up-data';
import { CAMPAIGN_FOLLOW_UP_ROUTES } from './follow-ups.routes';
import { aFollowUp as aFollowUpOf } from './testing/follow-up-fixtures';

const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
const FOLLOW_UP_ID = 'f0000000-0000-4000-8000-000000000001';
/** The signed-in person's organization (`aUser()`). */
const OURS = aUser().organization;
const URL = `/campaigns/${CAMPAIGN_ID}/follow-ups/${FOLLOW_UP_ID}`;

/** A follow-up as `GET /api/follow-ups/{id}` answers: assigned to the signed-in person's organization. */
function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return aFollowUpOf({
    id: FOLLOW_UP_ID,
    campaignId: CAMPAIGN_ID,
    organizationId: OURS.id,
    organizationName: OURS.name,
    title: 'Brief the Geneva mission',
    details: 'Two pages.\nSend them by Friday.',
    ...overrides,
  });
}

/** A member of a signatory organization, by default: may update the follow-ups of their own organization. */
const MEMBER: Campaign['access'] = { organizationRole: 'signatory', canCoordinate: false, canContribute: true };
const COORDINATOR: Campaign['access'] = { organizationRole: 'lead', canCoordinate: true, canContribute: true };
const OBSERVER: Campaign['access'] = { organizationRole: 'signatory', canCoordinate: false, canContribute: false };

describe('FollowUpPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    // Mounted as campaigns.routes.ts mounts it: `campaignId` is declared above these routes.
    http = await setUpPageSpec([{ path: 'campaigns/:campaignId/follow-ups', children: CAMPAIGN_FOLLOW_UP_ROUTES }]);
  });

  afterEach(tearDownPageSpec);

  const followUpRequest = (): TestRequest => http.expectOne({ method: 'GET', url: `/api/follow-ups/${FOLLOW_UP_ID}` });
  const campaignRequest = (): TestRequest => http.expectOne({ method: 'GET', url: `/api/campaigns/${CAMPAIGN_ID}` });

  async function signIn(user: Partial<Me> = {}): Promise<void> {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
  }

  /** Opens the page and answers its two requests. */
  async function open(
    followUp = aFollowUp(),
    access: Campaign['access'] = MEMBER,
  ): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, 'h1')).toBe('Follow-up');
    expect(text(page, '[role="status"]')).toBe('Loading the follow-up…');
    followUpRequest().flush(followUp);
    campaignRequest().flush(aCampaign({ access }));
    await settle(harness.fixture);
    return { harness, page };
  }

  const facts = (page: HTMLElement): Record<string, string> => {
    const terms = [...page.querySelectorAll('.facts dt')];
    const clean = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return Object.fromEntries(terms.map((dt) => [clean(dt), clean(dt.nextElementSibling)]));
  };
  const href = (page: HTMLElement, label: string): string | null | undefined =>
    [...page.querySelectorAll('a')].find((a) => a.textContent?.trim() === label)?.getAttribute('href');

  it('shows the follow-up: status, overdue flag, campaign, organization, due date in the person’s zone and the zone it was set in, links and details', async () => {
    await signIn();
    const { page } = await open(
      aFollowUp({
        overdue: true,
        isExample: true,
        assigneeName: 'Luis Gómez',
        demandId: 'd0000000-0000-4000-8000-000000000001',
        responseId: 'r0000000-0000-4000-8000-000000000001',
      }),
    );
    expect(text(page, 'h1')).toBe('Brief the Geneva mission');
    expect(text(page, '.head')).toBe('Open ⚠ Overdue Example');
    expect(facts(page)).toEqual({
      Campaign: 'Stop the transfers to CECOT',
      Organization: 'Centro de Derechos',
      Assignee: 'Luis Gómez',
      // 09:00 in New York is 11:00 in Buenos Aires; the zone it was stated in is named too.
      Due: 'Dec 1, 2026, 11:00 AM GMT-3 (America/Argentina/Buenos_Aires) Set in America/New_York',
      Demand: 'Open the demand',
      Response: 'Open the response',
    });
    expect(href(page, 'Stop the transfers to CECOT')).toBe(`/campaigns/${CAMPAIGN_ID}`);
    expect(href(page, 'Open the demand')).toBe(`/campaigns/${CAMPAIGN_ID}/demands/d0000000-0000-4000-8000-000000000001`);
    expect(href(page, 'Open the response')).toBe(`/campaigns/${CAMPAIGN_ID}/responses/r0000000-0000-4000-8000-000000000001`);
    expect(href(page, 'The campaign’s follow-ups')).toBe(`/campaigns/${CAMPAIGN_ID}/follow-ups`);
    expect(href(page, 'Our follow-ups')).toBe('/follow-ups');
    expect(query(page, '[aria-labelledby="fu-details"] .text').textContent).toBe('Two pages.\nSend them by Friday.');
    expect(page.querySelector('[aria-labelledby="fu-note"]')).toBeNull();
  });

  it('says when a follow-up has no assignee, no details, and was set in the person’s own zone', async () => {
    await signIn();
    const { page } = await open(aFollowUp({ details: '', dueTimeZone: 'America/Argentina/Buenos_Aires' }));
    expect(facts(page)).toEqual({
      Campaign: 'Stop the transfers to CECOT',
      Organization: 'Centro de Derechos',
      Assignee: 'anyone there',
      Due: 'Dec 1, 2026, 11:00 AM GMT-3 (America/Argentina/Buenos_Aires)',
    });
    expect(text(page, '[aria-labelledby="fu-details"] .text')).toBe('No details.');
  });

  it('lets the assigned organization mark it in progress, with PATCH, and says it is saved', async () => {
    await signIn();
    const { harness, page } = await open();
    expect(text(page, '#fu-actions')).toBe('Update');
    button(page, 'Mark in progress').click();
    await settle(harness.fixture);
    expect(button(page, 'Saving…').getAttribute('aria-disabled')).toBe('true');
    const patch = http.expectOne({ method: 'PATCH', url: `/api/follow-ups/${FOLLOW_UP_ID}` });
    expect(patch.request.body).toEqual({ status: 'in_progress' });
    expect(patch.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    patch.flush(aFollowUp({ status: 'in_progress' }));
    await settle(harness.fixture);

    expect(text(page, '.head')).toBe('In progress');
    expect(text(page, 'dm-form-alert[role="status"]')).toBe('The follow-up has been updated.');
    expect([...page.querySelectorAll('dm-follow-up-actions button')].map((b) => b.textContent?.trim())).toEqual(['Complete…']);
  });

  it('completes it with a note: checks the note is written, shows the API’s complaint at the note, then shows the note and the date', async () => {
    await signIn();
    const { harness, page } = await open(aFollowUp({ status: 'in_progress' }));
    button(page, 'Complete…').click();
    await settle(harness.fixture);
    const note = query<HTMLTextAreaElement>(page, `#complete-note-${FOLLOW_UP_ID}`);
    expect(note.getAttribute('aria-describedby')).toBe(`complete-note-${FOLLOW_UP_ID}-hint`);

    button(page, 'Mark as done').click();
    await settle(harness.fixture);
    http.expectNone({ method: 'PATCH' });
    expect(text(page, 'dm-field-error')).toBe('Write what was done.');
    expect(note.getAttribute('aria-invalid')).toBe('true');

    fill(page, `#complete-note-${FOLLOW_UP_ID}`, '  Sent the brief; see the shared folder.  ');
    await settle(harness.fixture);
    expect(page.querySelector('dm-field-error')).toBeNull(); // editing the note clears what was said about it
    button(page, 'Mark as done').click();
    await settle(harness.fixture);
    const rejected = http.expectOne({ method: 'PATCH', url: `/api/follow-ups/${FOLLOW_UP_ID}` });
    expect(rejected.request.body).toEqual({ status: 'done', completionNote: 'Sent the brief; see the shared folder.' });
    rejected.flush(
      anError(400, 'validation_failed', [{ field: 'completionNote', message: 'must be shorter than or equal to 5000 characters' }]),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await settle(harness.fixture);
    expect(text(page, 'dm-field-error')).toBe('Not accepted: must be shorter than or equal to 5000 characters.');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector('dm-form-alert[role="status"]')).toBeNull();

    button(page, 'Mark as done').click();
    await settle(harness.fixture);
    http
      .expectOne({ method: 'PATCH', url: `/api/follow-ups/${FOLLOW_UP_ID}` })
      .flush(
        aFollowUp({ status: 'done', completionNote: 'Sent the brief; see the shared folder.', completedAt: '2026-11-20T18:30:00.000Z' }),
      );
    await settle(harness.fixture);

    expect(text(page, '.head')).toBe('Done');
    expect(facts(page)['Completed']).toBe('Nov 20, 2026, 03:30 PM GMT-3');
    expect(text(page, '#fu-note')).toBe('Completion note');
    expect(text(page, '[aria-labelledby="fu-note"] .text')).toBe('Sent the brief; see the shared folder.');
    expect(text(page, 'dm-form-alert[role="status"]')).toBe('The follow-up has been updated.');
    // Nothing more to do with a done follow-up, and it is not "read only" either.
    expect(page.querySelector('dm-follow-up-actions')).toBeNull();
    expect(page.textContent).not.toContain('Only the assigned organization');
  });

  it('says so when the API refuses the change', async () => {
    await signIn();
    const { harness, page } = await open();
    button(page, 'Mark in progress').click();
    http
      .expectOne({ method: 'PATCH', url: `/api/follow-ups/${FOLLOW_UP_ID}` })
      .flush(anError(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });
    await settle(harness.fixture);
    expect(text(page, 'dm-follow-up-actions [role="alert"]')).toBe('You may not change this follow-up.');
    expect(text(page, '.head')).toBe('Open');
  });

  it('lets a coordinator of a lead organization update another organization’s follow-up', async () => {
    await signIn({ role: 'coordinator' });
    const { page } = await open(aFollowUp({ organizationId: 'o2', organizationName: 'Movement Law Lab' }), COORDINATOR);
    expect(page.querySelector('dm-follow-up-actions')).not.toBeNull();
    expect(button(page, 'Mark in progress')).toBeTruthy();
    expect(page.textContent).not.toContain('Only the assigned organization');
  });

  it('is read-only for members of another organization', async () => {
    await signIn();
    const { page } = await open(aFollowUp({ organizationId: 'o2', organizationName: 'Movement Law Lab' }), MEMBER);
    expect(page.querySelector('dm-follow-up-actions')).toBeNull();
    expect(page.querySelector('button')).toBeNull();
    expect(text(page, 'p.muted')).toBe('Only the assigned organization and the campaign’s coordinators can update this follow-up.');
  });

  it('is read-only for observers, even of the assigned organization', async () => {
    await signIn({ role: 'observer' });
    const { page } = await open(aFollowUp(), OBSERVER);
    expect(page.querySelector('dm-follow-up-actions')).toBeNull();
    expect(text(page, 'p.muted')).toBe('Only the assigned organization and the campaign’s coordinators can update this follow-up.');
  });

  it('says when the follow-up is not there, and offers to try again', async () => {
    await signIn();
    const harness = await RouterTestingHarness.create(URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    followUpRequest().flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    campaignRequest().flush(aCampaign({ access: MEMBER }));
    await settle(harness.fixture);
    expect(text(page, 'h1')).toBe('Follow-up');
    expect(text(page, '[role="alert"]')).toBe('This follow-up does not exist, or you cannot see it.');

    button(page, 'Try again').click();
    await harness.fixture.whenStable();
    expect(text(page, '[role="status"]')).toBe('Loading the follow-up…');
    followUpRequest().flush(aFollowUp());
    campaignRequest().flush(aCampaign({ access: MEMBER }));
    await settle(harness.fixture);
    expect(text(page, 'h1')).toBe('Brief the Geneva mission');
  });

  it('says what went wrong when loading fails otherwise', async () => {
    await signIn();
    const harness = await RouterTestingHarness.create(URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    followUpRequest().flush(aFollowUp());
    campaignRequest().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
    expect(page.querySelector('.facts')).toBeNull();
  });
});
