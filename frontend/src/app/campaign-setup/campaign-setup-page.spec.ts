import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Session, type Me } from '../core/session/session';
import { FlashNotice } from '../core/ui/flash-notice';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, SentRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { CAMPAIGN_SETUP_ROUTES, NEW_CAMPAIGN_ROUTES } from './campaign-setup.routes';
import { SEARCH_DELAY_MS } from './office-picker';
import type { Campaign, Demand, SendPreview } from './setup-data';
import {
  DRAFT_ID,
  HC_OFFICE_ID,
  SG_OFFICE_ID,
  SG_TERM_ID,
  aDraft,
  aDraftDemand,
  aPreview,
  demandOffice,
  theHighCommissioner,
  theSecretaryGeneral,
} from './testing/setup-fixtures';

@Component({ selector: 'dm-stub-page', template: '<h1>Elsewhere</h1>' })
class StubPage {}

/** The overview as far as these specs go: it shows what the set-up just did. */
@Component({ selector: 'dm-stub-overview', imports: [FlashNotice], template: '<h1>Overview</h1><dm-flash-notice />' })
class OverviewStub {}

const SETUP = `/campaigns/${DRAFT_ID}/setup`;
const isGet = (url: string) => (request: SentRequest) => request.method === 'GET' && request.url === url;

const FIRST = aDraftDemand({ id: 'd0000000-0000-4000-8000-0000000000a1', text: 'publicly addressing the violations at CECOT' });
const SECOND = aDraftDemand({
  id: 'd0000000-0000-4000-8000-0000000000a2',
  position: 1,
  text: 'a country visit to El Salvador',
  category: 'investigation',
  office: demandOffice(theHighCommissioner()),
  deadline: {
    at: '2030-01-15T11:00:00.000Z',
    timeZone: 'Europe/Zurich',
    follows: 'fixed',
    milestoneId: null,
    milestoneTitle: null,
    termId: null,
  },
});

describe('the campaign set-up', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    // Mounted as campaigns.routes.ts mounts it.
    http = await setUpPageSpec([
      { path: 'campaigns/new', children: NEW_CAMPAIGN_ROUTES },
      { path: 'campaigns/:campaignId/setup', children: CAMPAIGN_SETUP_ROUTES },
      { path: 'campaigns/:campaignId', component: OverviewStub },
      { path: 'campaigns', component: StubPage },
    ]);
  });

  afterEach(tearDownPageSpec);

  async function signIn(user: Partial<Me> = {}): Promise<void> {
    await TestBed.inject(Session).start({ user: aUser({ role: 'coordinator', ...user }), csrfToken: 'csrf-1' });
  }

  const url = () => TestBed.inject(Router).url;
  const steps = (page: HTMLElement) =>
    [...page.querySelectorAll('.steps__item')].map((li) => {
      const name = li.querySelector('.steps__name')!;
      return `${text(li, '.steps__name')}${name.getAttribute('aria-current') === 'step' ? ' (current)' : ''}${name.tagName === 'A' ? ` → ${name.getAttribute('href')}` : ''}`;
    });

  const links = (page: HTMLElement, selector: string) =>
    [...page.querySelectorAll(`${selector} a`)].map((a) => `${a.textContent?.trim().replace(/\s+/g, ' ')} → ${a.getAttribute('href')}`);

  /** Opens a step of the draft and answers the campaign's request. */
  async function openStep(step: string, campaign: Campaign = aDraft()): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(`${SETUP}/${step}`);
    const page = harness.fixture.nativeElement as HTMLElement;
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}`)).flush(campaign);
    await settle(harness.fixture);
    return { harness, page };
  }

  /** The demands step's requests: the demands and the milestones. */
  async function answerDemands(harness: RouterTestingHarness, demands: Demand[]): Promise<void> {
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}/demands`)).flush({ items: demands, nextCursor: null });
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}/milestones`)).flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
  }

  async function answerReview(harness: RouterTestingHarness, preview: SendPreview, demands: Demand[] = [FIRST, SECOND]): Promise<void> {
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}/send-preview`)).flush(preview);
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}/demands`)).flush({ items: demands, nextCursor: null });
    await settle(harness.fixture);
  }

  describe('step 1, the letter', () => {
    it('creates the draft, checking the title first, and goes on to its demands', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create('/campaigns/new');
      const page = harness.fixture.nativeElement as HTMLElement;
      expect(text(page, 'h1')).toBe('New campaign');
      expect(steps(page)).toEqual([
        'The letter (current)',
        'The coalition',
        'Milestones',
        'Addressees and demands',
        'Reminders',
        'Review and send',
      ]);
      expect(text(page, 'h2')).toBe('Step 1 of 6: The letter');

      button(page, 'Create the draft and continue').click();
      await settle(harness.fixture);
      expect(text(page, '#letter-title-error')).toBe('Give the campaign a title.');
      expect(document.activeElement?.id).toBe('letter-title');
      http.expectNone({ method: 'POST' });

      fill(page, '#letter-title', 'Access for independent monitors');
      fill(page, '#letter-date', '2026-11-19');
      fill(page, '#letter-language', 'es');
      fill(page, '#letter-text', 'Dear Secretary-General,\n\nWe write…');
      button(page, 'Create the draft and continue').click();
      const created = http.expectOne({ method: 'POST', url: '/api/campaigns' });
      expect(created.request.body).toEqual({
        title: 'Access for independent monitors',
        status: 'draft',
        letterDate: '2026-11-19',
        letterLanguage: 'es',
        letterText: 'Dear Secretary-General,\n\nWe write…',
      });
      created.flush(aDraft({ letterDate: '2026-11-19' }), { status: 201, statusText: 'Created' });
      await settle(harness.fixture);

      expect(url()).toBe(`${SETUP}/coalition`);
      http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}`)).flush(aDraft({ letterDate: '2026-11-19' }));
      await settle(harness.fixture);
      expect(text(page, '[role="status"]')).toBe('The draft campaign has been created. Now name the organizations of the coalition.');
      expect(steps(page)).toEqual([
        `The letter → ${SETUP}/letter`,
        'The coalition (current)',
        `Milestones → ${SETUP}/milestones`,
        `Addressees and demands → ${SETUP}/demands`,
        `Reminders → ${SETUP}/reminders`,
        `Review and send → ${SETUP}/review`,
      ]);
      expect(text(page, 'h2')).toBe('Step 2 of 6: The coalition');
      expect(links(page, '.step-nav')).toEqual([`← Back: The letter → ${SETUP}/letter`, `Next: Milestones → → ${SETUP}/milestones`]);
    });

    it('shows the API’s field errors at their fields', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create('/campaigns/new');
      const page = harness.fixture.nativeElement as HTMLElement;
      fill(page, '#letter-title', 'Access');
      button(page, 'Create the draft and continue').click();
      http
        .expectOne({ method: 'POST', url: '/api/campaigns' })
        .flush(anError(400, 'validation_failed', [{ field: 'letterDate', message: 'must be a calendar date' }]), {
          status: 400,
          statusText: 'Bad Request',
        });
      await settle(harness.fixture);
      expect(text(page, '#letter-letterDate-error')).toBe('Not accepted: must be a calendar date.');
      expect(query(page, '#letter-date').getAttribute('aria-invalid')).toBe('true');
    });

    it('tells a member that only coordinators and administrators start campaigns', async () => {
      await signIn({ role: 'member' });
      const harness = await RouterTestingHarness.create('/campaigns/new');
      const page = harness.fixture.nativeElement as HTMLElement;
      expect(text(page, '[role="alert"]')).toBe('Only coordinators and administrators can start a campaign.');
      expect(page.querySelector('form')).toBeNull();
    });

    it('edits the letter of an existing draft', async () => {
      await signIn();
      const { harness, page } = await openStep('letter', aDraft({ letterDate: '2026-11-19', summary: 'Monitors', letterLanguage: 'es' }));
      expect(query<HTMLInputElement>(page, '#letter-title').value).toBe('Access for independent monitors');
      expect(query<HTMLSelectElement>(page, '#letter-language').value).toBe('es');
      fill(page, '#letter-date', '');
      button(page, 'Save and continue').click();
      const saved = http.expectOne({ method: 'PATCH', url: `/api/campaigns/${DRAFT_ID}` });
      expect(saved.request.body).toEqual({
        title: 'Access for independent monitors',
        summary: 'Monitors',
        letterText: '',
        letterDate: null,
        letterLanguage: 'es',
      });
      saved.flush(aDraft({ summary: 'Monitors' }));
      await settle(harness.fixture);
      expect(url()).toBe(`${SETUP}/coalition`);
      expect(text(page, '[role="status"]')).toBe('The letter has been saved.');
      // Same page, same campaign: not loaded again.
      http.expectNone(isGet(`/api/campaigns/${DRAFT_ID}`));
    });
  });

  it('resumes where the person stopped', async () => {
    await signIn();
    const harness = await RouterTestingHarness.create(SETUP);
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}`)).flush(aDraft({ letterDate: '2026-11-19' }));
    await settle(harness.fixture);
    const demands = http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}/demands`));
    expect(demands.request.params.get('limit')).toBe('1');
    demands.flush({ items: [FIRST], nextCursor: null });
    await settle(harness.fixture);
    expect(url()).toBe(`${SETUP}/review`);
    http.expectOne(isGet(`/api/campaigns/${DRAFT_ID}`)).flush(aDraft({ letterDate: '2026-11-19' }));
    await settle(harness.fixture);
    await answerReview(harness, aPreview());
  });

  it('says a sent campaign’s set-up is finished', async () => {
    await signIn();
    const { page } = await openStep('demands', aDraft({ status: 'active' }));
    expect(text(page, '[role="status"]')).toBe('This campaign has been sent: its set-up is finished.');
    expect(text(page, `a[href="/campaigns/${DRAFT_ID}"]`)).toBe('Go to the campaign overview');
  });

  describe('step 2, addressees and demands', () => {
    it('groups the demands by addressee in the letter’s order, with their deadline', async () => {
      await signIn();
      const { harness, page } = await openStep('demands');
      await answerDemands(harness, [FIRST, SECOND]);
      const runs = [...page.querySelectorAll('.run')];
      expect(runs.map((run) => text(run, 'h4'))).toEqual([
        'United Nations Secretariat Secretary-General of the United Nations',
        'Office of the UN High Commissioner for Human Rights United Nations High Commissioner for Human Rights',
      ]);
      expect(text(runs[0]!, '.run__holder')).toBe('Held by António Guterres until Dec 31, 2026');
      expect(text(runs[1]!, '.demand__meta')).toBe('Investigation · Normal · Deadline: Jan 15, 2030, 12:00 PM GMT+1 (Europe/Zurich)');
      expect(button(runs[0]!, 'Move down (demand 1)')).toBeTruthy();
      expect([...runs[0]!.querySelectorAll('button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).not.toContain(
        'Move up (demand 1)',
      );
    });

    it('moves a demand with the whole new order, and says so when someone else changed the list', async () => {
      await signIn();
      const { harness, page } = await openStep('demands');
      await answerDemands(harness, [FIRST, SECOND]);

      button(page, 'Move down (demand 1)').click();
      let order = http.expectOne({ method: 'PUT', url: `/api/campaigns/${DRAFT_ID}/demands/order` });
      expect(order.request.body).toEqual({ demandIds: [SECOND.id, FIRST.id] });
      order.flush({ items: [SECOND, FIRST], nextCursor: null });
      await settle(harness.fixture);
      expect([...page.querySelectorAll('.demand')].map((li) => li.getAttribute('data-demand-id'))).toEqual([SECOND.id, FIRST.id]);
      expect(text(page, '[role="status"]')).toBe('The demand is now number 2.');
      expect(document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Move up (demand 2)');

      button(page, 'Move up (demand 2)').click();
      order = http.expectOne({ method: 'PUT', url: `/api/campaigns/${DRAFT_ID}/demands/order` });
      order.flush(anError(409, 'stale_order'), { status: 409, statusText: 'Conflict' });
      await settle(harness.fixture);
      expect(text(page, '[role="alert"]')).toContain('changed by someone else');
      button(page, 'Reload the demands').click();
      await answerDemands(harness, [SECOND, FIRST]);
      expect(page.querySelector('[role="alert"]')).toBeNull();
    });

    it('deletes a demand after a confirmation', async () => {
      await signIn();
      const { harness, page } = await openStep('demands');
      await answerDemands(harness, [FIRST, SECOND]);
      button(page, 'Delete (demand 2)').click();
      await settle(harness.fixture);
      expect(text(page, '.confirm__question')).toBe('Delete demand 2, “a country visit to El Salvador”?');
      button(page, 'Yes, delete').click();
      http.expectOne({ method: 'DELETE', url: `/api/demands/${SECOND.id}` }).flush(null);
      await settle(harness.fixture);
      expect(page.querySelectorAll('.demand')).toHaveLength(1);
      expect(text(page, '[role="status"]')).toBe('Demand 2 has been deleted.');
    });

    it('copies a demand to the other addressees of the campaign', async () => {
      await signIn();
      const { harness, page } = await openStep('demands');
      await answerDemands(harness, [FIRST, SECOND]);
      button(page, 'Copy to other addressees (demand 2)').click();
      await settle(harness.fixture);
      button(page, 'Copy').click();
      await settle(harness.fixture);
      expect(text(page, '.copy [role="alert"]')).toBe('Choose at least one addressee.');

      click(page, `#copy-${SECOND.id}-${SG_OFFICE_ID}`);
      button(page, 'Copy').click();
      const copy = http.expectOne({ method: 'POST', url: `/api/campaigns/${DRAFT_ID}/demands` });
      expect(copy.request.body).toEqual({
        officeId: SG_OFFICE_ID,
        text: 'a country visit to El Salvador',
        category: 'investigation',
        priority: 'normal',
        deadline: { at: '2030-01-15T11:00:00.000Z', timeZone: 'Europe/Zurich' },
      });
      copy.flush({ ...SECOND, id: 'copy-1', office: FIRST.office, history: [] }, { status: 201, statusText: 'Created' });
      await settle(harness.fixture);
      expect(text(page, '[role="status"]')).toBe('Demand 2 has been copied to one more addressee.');
      expect(page.querySelectorAll('.demand')).toHaveLength(3);
    });

    it('adds a demand: an office found with the keyboard, a deadline at a time in its seat’s zone', async () => {
      await signIn();
      const { harness, page } = await openStep('demands');
      await answerDemands(harness, [FIRST]);

      fill(page, '#demand-office', 'human rights');
      await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 20));
      const search = http.expectOne(isGet('/api/offices'));
      expect(search.request.params.get('q')).toBe('human rights');
      search.flush({ items: [theSecretaryGeneral(), theHighCommissioner()], nextCursor: null });
      await settle(harness.fixture);
      const combobox = query<HTMLInputElement>(page, '#demand-office');
      expect(combobox.getAttribute('aria-expanded')).toBe('true');
      expect(text(page, '.picker__status')).toBe('2 offices found.');
      combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      await settle(harness.fixture);
      expect(combobox.getAttribute('aria-activedescendant')).toBe('demand-office-option-1');
      combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      await settle(harness.fixture);
      expect(combobox.value).toBe(
        'Office of the UN High Commissioner for Human Rights — United Nations High Commissioner for Human Rights',
      );
      expect(combobox.getAttribute('aria-expanded')).toBe('false');
      // No end of term for its holder: that deadline is not offered.
      expect(query<HTMLInputElement>(page, '#deadline-term').disabled).toBe(true);

      fill(page, '#demand-text', 'facilitating a visit by the Special Rapporteur');
      fill(page, '#demand-category', 'investigation');
      click(page, '#deadline-fixed');
      await settle(harness.fixture);
      expect(query<HTMLSelectElement>(page, '#deadline-zone').value).toBe('Europe/Zurich');
      fill(page, '#deadline-date', '2030-07-15');
      fill(page, '#deadline-time', '12:00');
      button(page, 'Add the demand').click();
      const created = http.expectOne({ method: 'POST', url: `/api/campaigns/${DRAFT_ID}/demands` });
      expect(created.request.body).toEqual({
        officeId: HC_OFFICE_ID,
        text: 'facilitating a visit by the Special Rapporteur',
        category: 'investigation',
        priority: 'normal',
        deadline: { at: '2030-07-15T10:00:00.000Z', timeZone: 'Europe/Zurich' },
      });
      created.flush({ ...SECOND, id: 'new-1', history: [] }, { status: 201, statusText: 'Created' });
      await settle(harness.fixture);
      expect(page.querySelectorAll('.demand')).toHaveLength(2);
      expect(text(page, '[role="status"]')).toContain('Demand 2 has been added');
    });

    it('requires an office and follows the end of the holder’s term when there is one', async () => {
      await signIn();
      const { harness, page } = await openStep('demands');
      await answerDemands(harness, []);
      button(page, 'Add the demand').click();
      await settle(harness.fixture);
      expect(text(page, '#demand-officeId-error')).toBe('Choose the office this demand is addressed to.');
      expect(document.activeElement?.id).toBe('demand-office');

      fill(page, '#demand-office', 'Guterres');
      await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 20));
      http.expectOne(isGet('/api/offices')).flush({ items: [theSecretaryGeneral()], nextCursor: null });
      await settle(harness.fixture);
      click(page, '#demand-office-option-0');
      await settle(harness.fixture);
      expect(text(page, '#deadline-term-hint')).toBe(
        'António Guterres’s term ends on Dec 31, 2026. The deadline moves if that end changes.',
      );
      click(page, '#deadline-term');
      fill(page, '#demand-text', 'appointing a Special Envoy');
      fill(page, '#demand-category', 'other');
      button(page, 'Add the demand').click();
      const created = http.expectOne({ method: 'POST', url: `/api/campaigns/${DRAFT_ID}/demands` });
      expect(created.request.body).toMatchObject({ officeId: SG_OFFICE_ID, deadline: { termId: SG_TERM_ID } });
      created.flush(anError(400, 'validation_failed', [{ field: 'deadline.termId', message: 'has no end date' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
      await settle(harness.fixture);
      expect(text(page, '[id="demand-deadline.termId-error"]')).toBe('Not accepted: has no end date.');
    });
  });

  describe('step 3, review and send', () => {
    it('reads like the letter, asks to confirm past deadlines, marks the campaign as sent and opens its overview', async () => {
      await signIn();
      const { harness, page } = await openStep('review', aDraft({ letterDate: '2026-11-19' }));
      const past = {
        id: SECOND.id,
        text: SECOND.text,
        officeTitle: 'High Commissioner',
        deadlineAt: '2026-11-19T22:59:00.000Z',
        deadlineTimeZone: 'Europe/Zurich',
      };
      await answerReview(harness, aPreview({ pastDeadline: [past] }));
      expect(text(page, '[data-summary]')).toBe('The letter of Nov 19, 2026 makes 2 demands of 2 addressees; one has a deadline.');
      expect(text(page, '[data-section="past"] li')).toBe(
        'High Commissioner: a country visit to El Salvador Deadline Nov 19, 2026, 11:59 PM GMT+1 (Europe/Zurich)',
      );
      // Listed first.
      expect(page.querySelector('form.review > section')?.getAttribute('data-section')).toBe('past');

      button(page, 'Mark as sent').click();
      await settle(harness.fixture);
      expect(text(page, '#send-confirmPastDeadlines-error')).toBe('Confirm this to mark the campaign as sent.');
      expect(document.activeElement?.id).toBe('confirm-past');
      http.expectNone({ method: 'POST' });

      click(page, '#confirm-past');
      button(page, 'Mark as sent').click();
      const send = http.expectOne({ method: 'POST', url: `/api/campaigns/${DRAFT_ID}/send` });
      expect(send.request.body).toEqual({ confirmPastDeadlines: true });
      send.flush({ ...aPreview({ pastDeadline: [past] }), remindersPlanned: 6, firstReminderAt: '2026-12-01T12:00:00.000Z' });
      await settle(harness.fixture);
      expect(url()).toBe(`/campaigns/${DRAFT_ID}`);
      expect(text(page, '[role="status"]')).toBe(
        'The campaign has been marked as sent. Its demands count as sent on the letter’s date. 6 reminders are planned; the first goes on Dec 1, 2026, 09:00 AM GMT-3.',
      );
    });

    it('says what blocks the send, each with a link to the step that settles it', async () => {
      await signIn();
      const { harness, page } = await openStep('review');
      await answerReview(
        harness,
        aPreview({ letterDate: null, demands: 0, offices: 0, withDeadline: 0, blockers: ['no_letter_date', 'no_demands'] }),
        [],
      );
      expect(text(page, '[data-summary]')).toBe('The letter, not dated yet, makes 0 demands of 0 addressees; none has a deadline.');
      const blockers = [...page.querySelectorAll('[data-blocker]')];
      expect(blockers.map((li) => text(li, 'a') + ' → ' + li.querySelector('a')?.getAttribute('href'))).toEqual([
        `Add the letter’s date → ${SETUP}/letter`,
        `Add demands → ${SETUP}/demands`,
      ]);
      expect([...page.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('Mark as sent');
    });

    it('shows the review afresh when the API finds it cannot send yet', async () => {
      await signIn();
      const { harness, page } = await openStep('review', aDraft({ letterDate: '2026-11-19' }));
      await answerReview(harness, aPreview());
      button(page, 'Mark as sent').click();
      http
        .expectOne({ method: 'POST', url: `/api/campaigns/${DRAFT_ID}/send` })
        .flush({ ...anError(409, 'cannot_send'), blockers: ['no_demands'] }, { status: 409, statusText: 'Conflict' });
      await settle(harness.fixture);
      await answerReview(harness, aPreview({ demands: 0, blockers: ['no_demands'] }), []);
      expect(text(page, '[role="alert"]')).toBe('The campaign cannot be marked as sent yet: the review now shows what is missing.');
      expect(page.querySelectorAll('[data-blocker]')).toHaveLength(1);
      expect(url()).toBe(`${SETUP}/review`);
    });
  });

  it('discards the draft after a confirmation, from any step', async () => {
    await signIn();
    const { harness, page } = await openStep('letter');
    fill(page, '#letter-title', 'Half-typed, then discarded');
    button(page, 'Discard draft').click();
    await settle(harness.fixture);
    expect(text(page, '.confirm__question')).toBe(
      'Discard “Access for independent monitors” and everything set up in it? This cannot be undone.',
    );
    button(page, 'Yes, discard').click();
    http.expectOne({ method: 'DELETE', url: `/api/campaigns/${DRAFT_ID}` }).flush(null);
    await settle(harness.fixture);
    expect(url()).toBe('/campaigns');
  });

  it('asks before leaving a step whose form holds unsaved edits, and not once they are saved', async () => {
    await signIn();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { harness, page } = await openStep('letter', aDraft({ letterDate: '2026-11-19' }));
    const toCoalition = () => query<HTMLAnchorElement>(page, `.steps a[href="${SETUP}/coalition"]`).click();

    // Nothing typed: no question.
    toCoalition();
    await settle(harness.fixture);
    expect(confirm).not.toHaveBeenCalled();
    expect(url()).toBe(`${SETUP}/coalition`);

    await harness.navigateByUrl(`${SETUP}/letter`);
    fill(page, '#letter-title', 'Access for monitors, now');
    toCoalition();
    await settle(harness.fixture);
    expect(confirm).toHaveBeenCalledWith('Some changes on this page have not been saved. Leave it and lose them?');
    expect(url()).toBe(`${SETUP}/letter`);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);

    confirm.mockReturnValue(true);
    toCoalition();
    await settle(harness.fixture);
    expect(url()).toBe(`${SETUP}/coalition`);
    confirm.mockRestore();
  });
});
