import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { components } from '../core/api/schema.generated';
import { Session, type Me } from '../core/session/session';
import { aDemand } from '../demands/testing/demand-fixtures';
import { button, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, SentRequest, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { CALENDAR_ROUTES } from './calendar.routes';
import { aFollowUp as aFollowUpOf } from '../follow-ups/testing/follow-up-fixtures';

type Milestone = components['schemas']['MilestoneDto'];
type Demand = components['schemas']['DemandDto'];
type FollowUp = components['schemas']['FollowUpDto'];

@Component({ template: '<h1>A follow-up</h1>' })
class FollowUpStub {}

const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
const URL = `/campaigns/${CAMPAIGN_ID}/calendar`;
/** "Now" in these specs: 12:00 on Wednesday 18 November 2026 in Buenos Aires, already the 19th in Tokyo. */
const NOW = '2026-11-18T15:00:00.000Z';

function aMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: 'm0000000-0000-4000-8000-000000000001',
    campaignId: CAMPAIGN_ID,
    reference: null,
    title: 'Human Rights Council session opens',
    kind: 'deadline',
    occursOn: '2026-11-03',
    timeZone: 'Europe/Zurich',
    source: null,
    demandCount: 1,
    ...overrides,
  };
}

function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return aFollowUpOf({
    campaignId: CAMPAIGN_ID,
    organizationId: aUser().organization.id,
    organizationName: aUser().organization.name,
    title: 'Send the briefing',
    details: '',
    dueAt: '2026-11-03T12:00:00.000Z',
    ...overrides,
  });
}

const MILESTONES: Milestone[] = [aMilestone()];
const DEMANDS: Demand[] = [
  // 23:59 on 9 November in Buenos Aires; already the 10th in UTC and in Tokyo.
  aDemand({
    deadline: {
      at: '2026-11-10T02:59:00.000Z',
      timeZone: 'America/Argentina/Buenos_Aires',
      follows: 'fixed',
      milestoneId: null,
      milestoneTitle: null,
      termId: null,
    },
  }),
  aDemand({ id: 'd0000000-0000-4000-8000-000000000002', text: 'no deadline, not on the calendar', deadline: null }),
];
const FOLLOW_UPS: FollowUp[] = [
  aFollowUp(), // 09:00 on 3 November in Buenos Aires, the milestone's day
  aFollowUp({ id: 'f2', title: 'Call the mission', dueAt: '2026-11-16T13:00:00.000Z', overdue: true }),
  // 22:30 on 20 November in Buenos Aires; the 21st in Tokyo.
  aFollowUp({ id: 'f3', title: 'Publish the statement', dueAt: '2026-11-21T01:30:00.000Z', status: 'in_progress' }),
  aFollowUp({ id: 'f4', title: 'Cancelled, not shown', dueAt: '2026-11-18T15:00:00.000Z', status: 'cancelled' }),
  aFollowUp({ id: 'f5', title: 'Check the reply', dueAt: '2026-12-03T15:00:00.000Z' }),
];

describe('CalendarPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    // Mounted as campaigns.routes.ts mounts it: `campaignId` is declared above these routes.
    http = await setUpPageSpec([
      { path: 'campaigns/:campaignId/calendar', children: CALENDAR_ROUTES },
      { path: 'campaigns/:campaignId/follow-ups/:followUpId', component: FollowUpStub },
    ]);
  });

  afterEach(() => {
    tearDownPageSpec();
    vi.useRealTimers();
  });

  // Matched on the URL without its query (`{ url }` would compare the query too).
  const list = (what: 'milestones' | 'demands' | 'follow-ups') => (request: SentRequest) =>
    request.method === 'GET' && request.url === `/api/campaigns/${CAMPAIGN_ID}/${what}`;
  const paramsOf = (request: TestRequest): Record<string, string | null> =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  async function signIn(user: Partial<Me> = {}): Promise<void> {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
  }

  /** Opens the page and answers its three requests. */
  async function open(
    milestones = MILESTONES,
    demands = DEMANDS,
    followUps = FOLLOW_UPS,
  ): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, '[role="status"]')).toBe('Loading the calendar…');
    for (const [what, items] of [
      ['milestones', milestones],
      ['demands', demands],
      ['follow-ups', followUps],
    ] as const) {
      const request = http.expectOne(list(what));
      expect(paramsOf(request)).toEqual({ limit: '200' });
      request.flush({ items, nextCursor: null });
    }
    await settle(harness.fixture);
    return { harness, page };
  }

  const cell = (page: HTMLElement, day: string): HTMLTableCellElement => query(page, `td[data-day="${day}"]`);
  /** What each day of the grid shows, as a person would read it (days with nothing left out). */
  const grid = (page: HTMLElement): Record<string, string[]> =>
    Object.fromEntries(
      [...page.querySelectorAll<HTMLElement>('td')]
        .filter((td) => td.querySelector('li'))
        .map((td) => [td.dataset['day'], [...td.querySelectorAll('li')].map(clean)]),
    );
  const clean = (node: Element): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  const focusable = (page: HTMLElement): string[] =>
    [...page.querySelectorAll<HTMLElement>('td[tabindex="0"]')].map((td) => td.dataset['day'] ?? '');
  const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  /** Presses `key` on the focused day, as a keyboard would, and waits for the grid to follow. */
  async function press(harness: RouterTestingHarness, key: string): Promise<KeyboardEvent> {
    const page = harness.fixture.nativeElement as HTMLElement;
    const target = (page.contains(document.activeElement) && document.activeElement) || query(page, 'td[tabindex="0"]');
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    await settle(harness.fixture);
    await nextFrame();
    return event;
  }

  describe('month grid', () => {
    it('puts milestones, demand deadlines and follow-ups on their days in the person’s zone', async () => {
      await signIn();
      const { page } = await open();
      expect(text(page, 'h1')).toBe('Calendar');
      expect(text(page, 'p.muted')).toBe(
        'Deadlines of demands and follow-ups, and the campaign’s milestones. Times in America/Argentina/Buenos_Aires.',
      );
      expect(text(page, 'h2.month')).toBe('November 2026');
      expect(query(page, 'table[role="grid"]').getAttribute('aria-label')).toBe('November 2026');
      expect([...page.querySelectorAll('th')].map((th) => [th.textContent?.trim(), th.getAttribute('abbr')])).toEqual([
        ['Mon', 'Monday'],
        ['Tue', 'Tuesday'],
        ['Wed', 'Wednesday'],
        ['Thu', 'Thursday'],
        ['Fri', 'Friday'],
        ['Sat', 'Saturday'],
        ['Sun', 'Sunday'],
      ]);
      // Monday-first weeks, from 26 October to 6 December.
      expect(page.querySelectorAll('tbody tr')).toHaveLength(6);
      expect(page.querySelector('td')?.dataset['day']).toBe('2026-10-26');
      expect([...page.querySelectorAll('td')].at(-1)?.dataset['day']).toBe('2026-12-06');

      expect(grid(page)).toEqual({
        '2026-11-03': ['▲ Milestone: Human Rights Council session opens', '● Follow-up due: Send the briefing'],
        '2026-11-09': ['◆ Demand deadline: Secretary-General: appointing a Special Envoy with unimpeded access to CECOT'],
        '2026-11-16': ['● Follow-up due: Call the mission ⚠ Overdue'],
        '2026-11-20': ['● Follow-up due: Publish the statement'],
        // A day of the next month shown to fill the last week.
        '2026-12-03': ['● Follow-up due: Check the reply'],
      });
      expect(cell(page, '2026-12-03').classList).toContain('other');
      expect(cell(page, '2026-11-20').classList).not.toContain('other');
      expect(query(cell(page, '2026-11-16'), 'a').classList).toContain('overdue');

      const links = [...page.querySelectorAll('td a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual([
        `/campaigns/${CAMPAIGN_ID}`,
        `/campaigns/${CAMPAIGN_ID}/follow-ups/${aFollowUp().id}`,
        `/campaigns/${CAMPAIGN_ID}/demands/${aDemand().id}`,
        `/campaigns/${CAMPAIGN_ID}/follow-ups/f2`,
        `/campaigns/${CAMPAIGN_ID}/follow-ups/f3`,
        `/campaigns/${CAMPAIGN_ID}/follow-ups/f5`,
      ]);
      // The links are reached through the grid, not one Tab stop each.
      expect([...page.querySelectorAll('td a')].every((a) => a.getAttribute('tabindex') === '-1')).toBe(true);
    });

    it('marks today, in the person’s zone, as the grid’s one Tab stop', async () => {
      await signIn();
      const { page } = await open();
      const today = cell(page, '2026-11-18');
      expect(today.getAttribute('aria-current')).toBe('date');
      expect(text(today, '.today-tag')).toBe('today');
      expect(page.querySelectorAll('[aria-current]')).toHaveLength(1);
      expect(focusable(page)).toEqual(['2026-11-18']);
      expect(text(page, 'p.small')).toBe('Wednesday, November 18, 2026: 0 entries');
    });

    it('moves deadlines to the day they fall on in another person’s zone', async () => {
      await signIn({ timeZone: 'Asia/Tokyo' });
      const { page } = await open();
      expect(text(page, 'p.muted')).toBe('Deadlines of demands and follow-ups, and the campaign’s milestones. Times in Asia/Tokyo.');
      expect(Object.keys(grid(page))).toEqual(['2026-11-03', '2026-11-10', '2026-11-16', '2026-11-21', '2026-12-04']);
      // A milestone is a calendar day: it stays where it is.
      expect(grid(page)['2026-11-03']).toEqual(['▲ Milestone: Human Rights Council session opens', '● Follow-up due: Send the briefing']);
      // It is already the 19th in Tokyo.
      expect(cell(page, '2026-11-19').getAttribute('aria-current')).toBe('date');
      expect(cell(page, '2026-11-18').getAttribute('aria-current')).toBeNull();
    });

    it('switches months with the buttons, and back to this month, without asking the API again', async () => {
      await signIn();
      const { harness, page } = await open();
      button(page, 'Next month ›').click();
      await settle(harness.fixture);
      expect(text(page, 'h2.month')).toBe('December 2026');
      expect(query(page, 'table').getAttribute('aria-label')).toBe('December 2026');
      expect(page.querySelector('td')?.dataset['day']).toBe('2026-11-30');
      expect(cell(page, '2026-12-03').classList).not.toContain('other');
      expect(grid(page)).toEqual({ '2026-12-03': ['● Follow-up due: Check the reply'] });
      expect(focusable(page)).toEqual(['2026-12-01']);

      button(page, '‹ Previous month').click();
      button(page, '‹ Previous month').click();
      await settle(harness.fixture);
      expect(text(page, 'h2.month')).toBe('October 2026');
      expect([...page.querySelectorAll('td')].at(-1)?.dataset['day']).toBe('2026-11-01');
      expect(grid(page)).toEqual({});
      expect(focusable(page)).toEqual(['2026-10-01']);

      button(page, 'This month').click();
      await settle(harness.fixture);
      expect(text(page, 'h2.month')).toBe('November 2026');
      expect(focusable(page)).toEqual(['2026-11-18']);
      http.expectNone(() => true);
    });

    it('moves between days with the arrow keys, Home and End, changing month at the edges', async () => {
      await signIn();
      const { harness, page } = await open();
      cell(page, '2026-11-18').focus();

      const right = await press(harness, 'ArrowRight');
      expect(right.defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(cell(page, '2026-11-19'));
      expect(focusable(page)).toEqual(['2026-11-19']);
      expect(text(page, 'p.small')).toBe('Thursday, November 19, 2026: 0 entries');

      await press(harness, 'ArrowLeft');
      await press(harness, 'ArrowLeft');
      expect(document.activeElement).toBe(cell(page, '2026-11-17'));
      await press(harness, 'Home');
      expect(document.activeElement).toBe(cell(page, '2026-11-16'));
      expect(text(page, 'p.small')).toBe('Monday, November 16, 2026: 1 entries');
      await press(harness, 'End');
      expect(document.activeElement).toBe(cell(page, '2026-11-22'));
      await press(harness, 'ArrowUp');
      expect(document.activeElement).toBe(cell(page, '2026-11-15'));
      await press(harness, 'ArrowDown');
      await press(harness, 'ArrowDown');
      expect(document.activeElement).toBe(cell(page, '2026-11-29'));

      await press(harness, 'ArrowDown');
      expect(text(page, 'h2.month')).toBe('December 2026');
      expect(document.activeElement).toBe(cell(page, '2026-12-06'));
      expect(focusable(page)).toEqual(['2026-12-06']);
      expect(cell(page, '2026-12-06').classList).not.toContain('other');

      await press(harness, 'ArrowUp');
      expect(text(page, 'h2.month')).toBe('November 2026');
      expect(document.activeElement).toBe(cell(page, '2026-11-29'));

      const other = await press(harness, 'a');
      expect(other.defaultPrevented).toBe(false);
      expect(document.activeElement).toBe(cell(page, '2026-11-29'));
    });

    it('opens the first entry of the focused day with Enter', async () => {
      await signIn();
      const { harness, page } = await open();
      cell(page, '2026-11-18').focus();
      await press(harness, 'Home'); // Monday the 16th: “Call the mission”
      await press(harness, 'Enter');
      await settle(harness.fixture);
      expect(TestBed.inject(Router).url).toBe(`/campaigns/${CAMPAIGN_ID}/follow-ups/f2`);
      expect(text(page, 'h1')).toBe('A follow-up');
    });

    it('follows the focus when a day is clicked or tabbed to', async () => {
      await signIn();
      const { harness, page } = await open();
      cell(page, '2026-11-03').focus();
      await settle(harness.fixture);
      expect(focusable(page)).toEqual(['2026-11-03']);
      expect(text(page, 'p.small')).toBe('Tuesday, November 3, 2026: 2 entries');
    });

    it('shows an empty month when the campaign has nothing dated', async () => {
      await signIn();
      const { page } = await open([], [aDemand({ deadline: null })], [aFollowUp({ status: 'cancelled' })]);
      expect(page.querySelector('table[role="grid"]')).not.toBeNull();
      expect(page.querySelector('td li')).toBeNull();
      expect(text(page, 'p.small')).toBe('Wednesday, November 18, 2026: 0 entries');
    });
  });

  describe('agenda', () => {
    const agenda = (page: HTMLElement): [string, string[]][] =>
      [...page.querySelectorAll('ol.agenda > li')].map((li) => [text(li, 'h3'), [...li.querySelectorAll('ul li')].map(clean)]);

    it('lists the month’s entries by day, with their times in the person’s zone', async () => {
      await signIn();
      const { harness, page } = await open();
      button(page, 'Agenda').click();
      await settle(harness.fixture);
      expect(button(page, 'Agenda').getAttribute('aria-pressed')).toBe('true');
      expect(button(page, 'Month').getAttribute('aria-pressed')).toBe('false');
      expect(page.querySelector('table')).toBeNull();
      expect(agenda(page)).toEqual([
        [
          'Tuesday, November 3, 2026',
          ['▲ Milestone: Human Rights Council session opens', '● Follow-up due: Send the briefing · Nov 3, 2026, 09:00 AM GMT-3'],
        ],
        [
          'Monday, November 9, 2026',
          ['◆ Demand deadline: Secretary-General: appointing a Special Envoy with unimpeded access to CECOT · Nov 9, 2026, 11:59 PM GMT-3'],
        ],
        ['Monday, November 16, 2026', ['● Follow-up due: Call the mission · Nov 16, 2026, 10:00 AM GMT-3 · Overdue']],
        ['Friday, November 20, 2026', ['● Follow-up due: Publish the statement · Nov 20, 2026, 10:30 PM GMT-3']],
      ]);
      expect(query(page, 'ol.agenda [data-kind="demand"] a').getAttribute('href')).toBe(
        `/campaigns/${CAMPAIGN_ID}/demands/${aDemand().id}`,
      );
      expect(query(page, 'ol.agenda [data-kind="milestone"] a').getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}`);
    });

    it('marks today, follows the month, and says when a month is empty', async () => {
      await signIn();
      const { harness, page } = await open(MILESTONES, DEMANDS, [
        ...FOLLOW_UPS,
        aFollowUp({ id: 'f6', title: 'Today’s call', dueAt: NOW }),
      ]);
      button(page, 'Agenda').click();
      await settle(harness.fixture);
      expect(text(page, 'h3.today')).toBe('Wednesday, November 18, 2026 today');

      button(page, 'Next month ›').click();
      await settle(harness.fixture);
      expect(agenda(page)).toEqual([['Thursday, December 3, 2026', ['● Follow-up due: Check the reply · Dec 3, 2026, 12:00 PM GMT-3']]]);

      button(page, 'Next month ›').click();
      await settle(harness.fixture);
      expect(text(page, 'h2.month')).toBe('January 2027');
      expect(page.querySelector('ol.agenda')).toBeNull();
      expect(text(page, '.panel')).toBe('Nothing in this month.');

      button(page, 'Month').click();
      await settle(harness.fixture);
      expect(text(page, 'table').length).toBeGreaterThan(0);
      expect(query(page, 'table').getAttribute('aria-label')).toBe('January 2027');
    });
  });

  describe('loading', () => {
    it('reads every page of each list', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      http.expectOne(list('milestones')).flush({ items: MILESTONES, nextCursor: null });
      http.expectOne(list('demands')).flush({ items: [], nextCursor: null });
      http.expectOne(list('follow-ups')).flush({ items: [aFollowUp()], nextCursor: 'page-2' });
      await settle(harness.fixture);
      const second = http.expectOne(list('follow-ups'));
      expect(paramsOf(second)).toEqual({ limit: '200', cursor: 'page-2' });
      second.flush({ items: [FOLLOW_UPS[2]], nextCursor: null });
      await settle(harness.fixture);
      expect(Object.keys(grid(page))).toEqual(['2026-11-03', '2026-11-20']);
    });

    it('shows the campaign navigated to, even when the previous one answers last', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      const slow = (['milestones', 'demands', 'follow-ups'] as const).map((what) => http.expectOne(list(what)));

      const OTHER = 'c0000000-0000-4000-8000-000000000002';
      await harness.navigateByUrl(`/campaigns/${OTHER}/calendar`);
      const other = (what: string) => (request: SentRequest) =>
        request.method === 'GET' && request.url === `/api/campaigns/${OTHER}/${what}`;
      http
        .expectOne(other('milestones'))
        .flush({ items: [aMilestone({ id: 'm2', title: 'The other campaign’s milestone', occursOn: '2026-11-25' })], nextCursor: null });
      http.expectOne(other('demands')).flush({ items: [], nextCursor: null });
      http.expectOne(other('follow-ups')).flush({ items: [], nextCursor: null });
      await settle(harness.fixture);
      expect(Object.keys(grid(page))).toEqual(['2026-11-25']);

      // The first campaign's answers arrive late: they are dropped.
      slow[0]!.flush({ items: MILESTONES, nextCursor: null });
      slow[1]!.flush({ items: DEMANDS, nextCursor: null });
      slow[2]!.flush({ items: FOLLOW_UPS, nextCursor: null });
      await settle(harness.fixture);
      expect(Object.keys(grid(page))).toEqual(['2026-11-25']);
      expect(grid(page)['2026-11-25']!.join(' ')).toContain('The other campaign’s milestone');
    });

    it('says when the campaign is not there', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      http.expectOne(list('milestones')).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      http.expectOne(list('demands')).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      http.expectOne(list('follow-ups')).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      await settle(harness.fixture);
      expect(text(page, '[role="alert"]')).toBe('This campaign does not exist, or you cannot see it.');
      expect(page.querySelector('table')).toBeNull();
    });

    it('reports a failure and tries again', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      http.expectOne(list('milestones')).flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
      http.expectOne(list('demands')).flush({ items: DEMANDS, nextCursor: null });
      http.expectOne(list('follow-ups')).flush({ items: FOLLOW_UPS, nextCursor: null });
      await settle(harness.fixture);
      expect(text(page, '[role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
      expect(page.querySelector('table')).toBeNull();

      button(page, 'Try again').click();
      await settle(harness.fixture);
      expect(text(page, '[role="status"]')).toBe('Loading the calendar…');
      http.expectOne(list('milestones')).flush({ items: MILESTONES, nextCursor: null });
      http.expectOne(list('demands')).flush({ items: DEMANDS, nextCursor: null });
      http.expectOne(list('follow-ups')).flush({ items: FOLLOW_UPS, nextCursor: null });
      await settle(harness.fixture);
      expect(page.querySelector('[role="alert"]')).toBeNull();
      expect(Object.keys(grid(page))).toHaveLength(5);
    });
  });
});
