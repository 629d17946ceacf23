import { Component, inject } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, SentRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { MilestonesStep } from './milestones-step';
import type { Milestone } from './setup-data';
import { DRAFT_ID, aDraft, aMilestone } from './testing/setup-fixtures';
import { UnsavedChanges } from './unsaved-changes';

/** The step as the set-up page shows it, with the page's register of unsaved edits. */
@Component({
  imports: [MilestonesStep],
  providers: [UnsavedChanges],
  template: `<dm-milestones-step [campaign]="campaign" />`,
})
class Host {
  readonly campaign = aDraft();
  readonly unsaved = inject(UnsavedChanges);
}

const LIST = `/api/campaigns/${DRAFT_ID}/milestones`;
const isList = (request: SentRequest) => request.method === 'GET' && request.url === LIST;

const PRESIDENCY = aMilestone({
  id: '5e000000-0000-4000-8000-000000000002',
  title: 'End of the Security Council presidency',
  occursOn: '2027-05-31',
  timeZone: 'America/New_York',
  demandCount: 2,
});
const SESSION = aMilestone({ id: '5e000000-0000-4000-8000-000000000003', title: 'Human Rights Council, 59th session', kind: 'context' });

describe('the milestones step', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([]);
    await TestBed.inject(Session).start({
      user: aUser({ role: 'coordinator', timeZone: 'America/Argentina/Buenos_Aires' }),
      csrfToken: 'c',
    });
  });

  afterEach(tearDownPageSpec);

  /** Shows the step for the draft; its list of milestones is left for the test to answer. */
  async function open(): Promise<void> {
    fixture = TestBed.createComponent(Host);
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
  }

  async function openWith(milestones: Milestone[]): Promise<void> {
    await open();
    http.expectOne(isList).flush({ items: milestones, nextCursor: null });
    await settle(fixture);
  }

  const items = () =>
    [...page.querySelectorAll('.milestone')].map((li) =>
      [text(li, '.milestone__title'), text(li, '.milestone__meta'), text(li, '.milestone__follows')].join(' | '),
    );
  const buttonText = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const unsaved = () => fixture.componentInstance.unsaved.any();
  const status = () => text(page, '[role="status"]');

  it('loads every milestone of the campaign and lists them by day: title, kind, day and zone, the demands that follow', async () => {
    await open();
    expect(status()).toBe('Loading the milestones…');
    const list = http.expectOne(isList);
    expect(list.request.params.get('limit')).toBe('200');
    list.flush({ items: [SESSION], nextCursor: 'next' });
    await settle(fixture);
    const next = http.expectOne(isList);
    expect(next.request.params.get('cursor')).toBe('next');
    next.flush({ items: [PRESIDENCY], nextCursor: null });
    await settle(fixture);

    expect(items()).toEqual([
      'End of the Security Council presidency | Deadline · May 31, 2027, America/New_York | The deadlines of 2 demands follow it.',
      'Human Rights Council, 59th session | Background · Jun 16, 2027, Europe/Zurich | No demand’s deadline follows it yet.',
    ]);
    expect(buttonText(button(page, 'Edit milestone “End of the Security Council presidency”'))).toBeTruthy();
    expect(query(page, `[data-milestone-id="${SESSION.id}"] [role="group"]`).getAttribute('aria-label')).toBe(
      'Milestone “Human Rights Council, 59th session”',
    );
  });

  it('explains what a milestone is for when there is none', async () => {
    await openWith([]);
    expect(page.querySelector('.milestones')).toBeNull();
    expect(text(page, '[data-empty] p:first-child')).toBe('No milestones yet.');
    expect(text(page, '[data-empty] p:last-child')).toBe(
      'A milestone is a day that matters to the letter’s addressees: the end of a Security Council presidency, the opening of a Human Rights Council session. A demand’s deadline can follow it — it is then due at the end of that day — and moves with it if its date changes. Add the first one below, or go on to the demands if the campaign needs none.',
    );
    expect(text(page, '#milestone-form-heading')).toBe('Add a milestone');
  });

  it('says what went wrong when the list cannot load, and tries again', async () => {
    await open();
    http.expectOne(isList).flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(text(page, '[role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
    expect(page.querySelector('dm-milestone-form')).toBeNull();

    button(page, 'Try again').click();
    await settle(fixture);
    http.expectOne(isList).flush({ items: [SESSION], nextCursor: null });
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(items()).toHaveLength(1);
  });

  it('says so when the campaign is not there (404)', async () => {
    await open();
    http.expectOne(isList).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(text(page, '[role="alert"]')).toBe('There is no such campaign, or it is not shared with your organization.');
  });

  describe('adding', () => {
    it('checks the title and day first, then adds the milestone in the person’s own zone and puts it in its place', async () => {
      await openWith([PRESIDENCY, SESSION]);
      expect(query<HTMLSelectElement>(page, '#milestone-new-zone').value).toBe('America/Argentina/Buenos_Aires');
      expect(query<HTMLSelectElement>(page, '#milestone-new-kind').value).toBe('deadline');

      button(page, 'Add the milestone').click();
      await settle(fixture);
      expect(text(page, '#milestone-new-title-error')).toBe('Give the milestone a title.');
      expect(text(page, '#milestone-new-occursOn-error')).toBe('Choose the day of the milestone.');
      expect(query(page, '#milestone-new-title').getAttribute('aria-describedby')).toBe(
        'milestone-new-title-hint milestone-new-title-error',
      );
      expect(document.activeElement?.id).toBe('milestone-new-title');
      http.expectNone({ method: 'POST' });

      fill(page, '#milestone-new-title', '  Opening of the 60th session ');
      fill(page, '#milestone-new-kind', 'context');
      fill(page, '#milestone-new-day', '2027-06-01');
      fill(page, '#milestone-new-zone', 'Europe/Zurich');
      expect(unsaved()).toBe(true);
      button(page, 'Add the milestone').click();
      const created = http.expectOne({ method: 'POST', url: LIST });
      expect(created.request.body).toEqual({
        title: 'Opening of the 60th session',
        kind: 'context',
        occursOn: '2027-06-01',
        timeZone: 'Europe/Zurich',
      });
      const opening = aMilestone({
        id: '5e000000-0000-4000-8000-000000000004',
        title: 'Opening of the 60th session',
        kind: 'context',
        occursOn: '2027-06-01',
      });
      created.flush(opening, { status: 201, statusText: 'Created' });
      await settle(fixture);

      expect(items().map((item) => item.split(' | ')[0])).toEqual([
        'End of the Security Council presidency',
        'Opening of the 60th session',
        'Human Rights Council, 59th session',
      ]);
      expect(status()).toBe('The milestone “Opening of the 60th session” has been added, on Jun 1, 2027.');
      // Ready for the next: title and day emptied, kind and zone kept.
      expect(query<HTMLInputElement>(page, '#milestone-new-title').value).toBe('');
      expect(query<HTMLInputElement>(page, '#milestone-new-day').value).toBe('');
      expect(query<HTMLSelectElement>(page, '#milestone-new-kind').value).toBe('context');
      expect(query<HTMLSelectElement>(page, '#milestone-new-zone').value).toBe('Europe/Zurich');
      expect(document.activeElement?.id).toBe('milestone-new-title');
      expect(unsaved()).toBe(false);
    });

    it('shows the API’s field errors at their fields', async () => {
      await openWith([]);
      fill(page, '#milestone-new-title', 'End of the presidency');
      fill(page, '#milestone-new-day', '2027-05-31');
      button(page, 'Add the milestone').click();
      http
        .expectOne({ method: 'POST', url: LIST })
        .flush(anError(400, 'validation_failed', [{ field: 'timeZone', message: 'must be an IANA time zone' }]), {
          status: 400,
          statusText: 'Bad Request',
        });
      await settle(fixture);
      expect(text(page, '#milestone-new-timeZone-error')).toBe('Not accepted: must be an IANA time zone.');
      expect(query(page, '#milestone-new-zone').getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement?.id).toBe('milestone-new-zone');
      expect(page.querySelector('.milestone')).toBeNull();
    });

    it('says who may change the calendar when the API refuses', async () => {
      await openWith([]);
      fill(page, '#milestone-new-title', 'End of the presidency');
      fill(page, '#milestone-new-day', '2027-05-31');
      button(page, 'Add the milestone').click();
      http.expectOne({ method: 'POST', url: LIST }).flush(anError(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });
      await settle(fixture);
      expect(text(page, '#milestone-new-alert')).toBe('Only coordinators of a lead organization can set up this campaign.');
    });
  });

  describe('editing in place', () => {
    it('opens the milestone’s form in place, says its demands move with it, sends only what changed and says they moved', async () => {
      await openWith([PRESIDENCY, SESSION]);
      button(page, 'Edit milestone “End of the Security Council presidency”').click();
      await settle(fixture);

      const item = query(page, `[data-milestone-id="${PRESIDENCY.id}"]`);
      expect(text(item, 'h4')).toBe('Edit the milestone “End of the Security Council presidency”');
      expect(document.activeElement?.id).toBe('milestone-edit-title');
      expect(query<HTMLInputElement>(item, '#milestone-edit-title').value).toBe('End of the Security Council presidency');
      expect(query<HTMLInputElement>(item, '#milestone-edit-day').value).toBe('2027-05-31');
      expect(query<HTMLSelectElement>(item, '#milestone-edit-zone').value).toBe('America/New_York');
      expect(text(item, '#milestone-edit-moves')).toBe(
        'The deadlines of 2 demands follow this milestone: a new day or time zone moves them too.',
      );
      expect(query(item, '#milestone-edit-day').getAttribute('aria-describedby')).toBe('milestone-edit-moves');
      expect(unsaved()).toBe(false);

      fill(item, '#milestone-edit-day', '2027-06-30');
      expect(unsaved()).toBe(true);
      button(item, 'Save the milestone').click();
      const saved = http.expectOne({ method: 'PATCH', url: `/api/milestones/${PRESIDENCY.id}` });
      expect(saved.request.body).toEqual({ occursOn: '2027-06-30' });
      saved.flush({ ...PRESIDENCY, occursOn: '2027-06-30' });
      await settle(fixture);

      expect(items()).toEqual([
        'Human Rights Council, 59th session | Background · Jun 16, 2027, Europe/Zurich | No demand’s deadline follows it yet.',
        'End of the Security Council presidency | Deadline · Jun 30, 2027, America/New_York | The deadlines of 2 demands follow it.',
      ]);
      expect(status()).toBe(
        'The milestone “End of the Security Council presidency” now falls on Jun 30, 2027. The deadlines of the 2 demands that follow it have moved with it.',
      );
      expect(buttonText(document.activeElement)).toBe('Edit milestone “End of the Security Council presidency”');
      expect(unsaved()).toBe(false);
    });

    it('says “saved” when nothing that demands follow changed', async () => {
      await openWith([SESSION]);
      button(page, 'Edit milestone “Human Rights Council, 59th session”').click();
      await settle(fixture);
      fill(page, '#milestone-edit-title', 'HRC 59');
      button(page, 'Save the milestone').click();
      const saved = http.expectOne({ method: 'PATCH', url: `/api/milestones/${SESSION.id}` });
      expect(saved.request.body).toEqual({ title: 'HRC 59' });
      saved.flush({ ...SESSION, title: 'HRC 59' });
      await settle(fixture);
      expect(status()).toBe('The milestone “HRC 59” has been saved.');
      expect(items()[0]).toContain('HRC 59 | Background');
    });

    it('cancels without a request, focus back on its Edit button', async () => {
      await openWith([SESSION]);
      button(page, 'Edit milestone “Human Rights Council, 59th session”').click();
      await settle(fixture);
      fill(page, '#milestone-edit-title', 'Something else');
      button(page, 'Cancel').click();
      await settle(fixture);
      expect(page.querySelector('#milestone-edit-title')).toBeNull();
      expect(items()[0]).toContain('Human Rights Council, 59th session |');
      expect(buttonText(document.activeElement)).toBe('Edit milestone “Human Rights Council, 59th session”');
      expect(unsaved()).toBe(false);
      http.expectNone({ method: 'PATCH' });
    });

    it('says so when someone else deleted the milestone meanwhile', async () => {
      await openWith([SESSION]);
      button(page, 'Edit milestone “Human Rights Council, 59th session”').click();
      await settle(fixture);
      fill(page, '#milestone-edit-zone', 'Europe/Paris');
      button(page, 'Save the milestone').click();
      http
        .expectOne({ method: 'PATCH', url: `/api/milestones/${SESSION.id}` })
        .flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      await settle(fixture);
      expect(text(page, '#milestone-edit-alert')).toBe(
        'This milestone has been deleted by someone else since the page loaded. Reload the page to see the milestones as they are now.',
      );
    });
  });

  describe('deleting', () => {
    it('asks first, saying the deadlines that follow it keep their date, then deletes it', async () => {
      await openWith([PRESIDENCY, SESSION]);
      button(page, 'Delete milestone “End of the Security Council presidency”').click();
      await settle(fixture);
      expect(text(page, '.confirm__question')).toBe(
        'Delete the milestone “End of the Security Council presidency”? The deadlines of the 2 demands that follow it keep their date, but will no longer move with a milestone.',
      );
      expect(buttonText(document.activeElement)).toBe('Yes, delete');

      button(page, 'Cancel').click();
      await settle(fixture);
      expect(page.querySelector('.confirm')).toBeNull();
      expect(buttonText(document.activeElement)).toBe('Delete milestone “End of the Security Council presidency”');

      button(page, 'Delete milestone “End of the Security Council presidency”').click();
      await settle(fixture);
      button(page, 'Yes, delete').click();
      http.expectOne({ method: 'DELETE', url: `/api/milestones/${PRESIDENCY.id}` }).flush(null);
      await settle(fixture);
      expect(items().map((item) => item.split(' | ')[0])).toEqual(['Human Rights Council, 59th session']);
      expect(status()).toBe(
        'The milestone “End of the Security Council presidency” has been deleted. The 2 deadlines that followed it keep their date.',
      );
      expect(document.activeElement?.id).toBe('milestones-heading');
    });

    it('asks plainly when no deadline follows it, and keeps it when the API refuses', async () => {
      await openWith([SESSION]);
      button(page, 'Delete milestone “Human Rights Council, 59th session”').click();
      await settle(fixture);
      expect(text(page, '.confirm__question')).toBe('Delete the milestone “Human Rights Council, 59th session”?');
      button(page, 'Yes, delete').click();
      http.expectOne({ method: 'DELETE', url: `/api/milestones/${SESSION.id}` }).flush(anError(403, 'forbidden'), {
        status: 403,
        statusText: 'Forbidden',
      });
      await settle(fixture);
      expect(text(page, '.confirm [role="alert"]')).toBe('Only coordinators of a lead organization can set up this campaign.');
      expect(items()).toHaveLength(1);
    });

    it('says it had already been deleted when the API no longer has it', async () => {
      await openWith([SESSION]);
      button(page, 'Delete milestone “Human Rights Council, 59th session”').click();
      await settle(fixture);
      button(page, 'Yes, delete').click();
      http
        .expectOne({ method: 'DELETE', url: `/api/milestones/${SESSION.id}` })
        .flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      await settle(fixture);
      expect(page.querySelector('.milestone')).toBeNull();
      expect(status()).toBe('The milestone “Human Rights Council, 59th session” had already been deleted by someone else.');
    });
  });
});
