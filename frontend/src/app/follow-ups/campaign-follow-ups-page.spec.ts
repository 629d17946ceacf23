import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { aCampaign } from '../campaigns/campaign-fixtures';
import type { Campaign } from '../campaigns/campaign-data';
import type { components } from '../core/api/schema.generated';
import { Session, type Me } from '../core/session/session';
import { aDemand } from '../demands/testing/demand-fixtures';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, SentRequest, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import type { FollowUp } from './follow-up-data';
import { CAMPAIGN_FOLLOW_UP_ROUTES } from './follow-ups.routes';
import { aFollowUp as aFollowUpOf } from './testing/follow-up-fixtures';

type User = components['schemas']['UserDto'];
type Demand = components['schemas']['DemandDto'];

const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
const URL = `/campaigns/${CAMPAIGN_ID}/follow-ups`;
/** The signed-in person's organization (`aUser()`), a lead of the campaign. */
const OURS = aUser().organization;
const THEIRS = { id: 'b0e3c0a4-2222-4c2d-8e0f-000000000002', name: 'Movement Law Lab' };
/** "Now" in these specs: 12:00 on 20 November 2026 in Buenos Aires. */
const NOW = '2026-11-20T15:00:00.000Z';

const MEMBER: Campaign['access'] = { organizationRole: 'lead', canCoordinate: false, canContribute: true };
const OBSERVER: Campaign['access'] = { organizationRole: 'lead', canCoordinate: false, canContribute: false };

function theCampaign(access: Partial<Campaign['access']> = {}): Campaign {
  return aCampaign({
    organizations: [
      { id: OURS.id, name: OURS.name, role: 'lead', isExample: false },
      { id: THEIRS.id, name: THEIRS.name, role: 'signatory', isExample: false },
    ],
    access: { organizationRole: 'lead', canCoordinate: true, canContribute: true, ...access },
  });
}

function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return aFollowUpOf({
    campaignId: CAMPAIGN_ID,
    organizationId: OURS.id,
    organizationName: OURS.name,
    title: 'Brief the Geneva mission',
    details: '',
    ...overrides,
  });
}

const OURS_ITEM = aFollowUp();
const THEIRS_ITEM = aFollowUp({
  id: 'f0000000-0000-4000-8000-000000000002',
  title: 'Call the Security Council presidency',
  organizationId: THEIRS.id,
  organizationName: THEIRS.name,
  assigneeName: 'Luis Gómez',
  dueAt: '2026-11-18T21:00:00.000Z',
  overdue: true,
});

function aPerson(overrides: Partial<User> = {}): User {
  return {
    id: 'u0000000-0000-4000-8000-000000000002',
    email: 'luis@example.org',
    displayName: 'Luis Gómez',
    role: 'member',
    organizationId: THEIRS.id,
    organizationName: THEIRS.name,
    locale: 'es',
    timeZone: 'Europe/Madrid',
    isExample: false,
    disabledAt: null,
    lastSignInAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const LONG_DEMAND: Demand = aDemand({
  id: 'd0000000-0000-4000-8000-000000000002',
  reference: null,
  position: 3,
  text: 'the facilitation of a country visit to El Salvador by the Special Rapporteur on torture, without delay',
});

describe('CampaignFollowUpsPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    // Mounted as campaigns.routes.ts mounts it: `campaignId` is declared above these routes.
    http = await setUpPageSpec([{ path: 'campaigns/:campaignId/follow-ups', children: CAMPAIGN_FOLLOW_UP_ROUTES }]);
  });

  afterEach(() => {
    tearDownPageSpec();
    vi.useRealTimers();
  });

  const campaignRequest = (): TestRequest => http.expectOne({ method: 'GET', url: `/api/campaigns/${CAMPAIGN_ID}` });
  // Matched on the URL without its query (`{ url }` would compare the query too).
  const isGet = (url: string) => (request: SentRequest) => request.method === 'GET' && request.url === url;
  const LIST = isGet(`/api/campaigns/${CAMPAIGN_ID}/follow-ups`);
  const USERS = isGet('/api/users');
  const listRequest = (): TestRequest => http.expectOne(LIST);
  const demandsRequest = (): TestRequest => http.expectOne(isGet(`/api/campaigns/${CAMPAIGN_ID}/demands`));
  const paramsOf = (request: TestRequest): Record<string, string | null> =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  async function signIn(user: Partial<Me> = {}): Promise<void> {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
  }

  /**
   * Opens the page and answers its requests: the campaign, its follow-ups and, for coordinators,
   * its demands (for the form).
   */
  async function open(
    campaign: Campaign,
    items: FollowUp[] = [OURS_ITEM, THEIRS_ITEM],
    options: { url?: string; demands?: Demand[] } = {},
  ): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(options.url ?? URL);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, 'h1')).toBe('Campaign follow-ups');
    expect(text(page, '[role="status"]')).toBe('Loading the campaign…');
    const list = listRequest();
    expect(paramsOf(list)).toEqual({ limit: '200' });
    list.flush({ items, nextCursor: null });
    campaignRequest().flush(campaign);
    await settle(harness.fixture);
    if (campaign.access.canCoordinate) {
      const demands = demandsRequest();
      expect(paramsOf(demands)).toEqual({ limit: '200' });
      demands.flush({ items: options.demands ?? [aDemand(), LONG_DEMAND], nextCursor: null });
      await settle(harness.fixture);
    }
    http.expectNone((r) => r.url.endsWith('/demands'));
    return { harness, page };
  }

  const titles = (page: HTMLElement): string[] => [...page.querySelectorAll('article h3')].map((h) => text(h, 'a'));
  const card = (page: HTMLElement, item: FollowUp): HTMLElement => query(page, `article[data-follow-up-id="${item.id}"]`);
  const facts = (element: HTMLElement): Record<string, string> =>
    Object.fromEntries([...element.querySelectorAll('dt')].map((dt) => [clean(dt), clean(dt.nextElementSibling)]));
  const clean = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const options = (page: HTMLElement, selector: string): [string, string][] =>
    [...page.querySelectorAll<HTMLOptionElement>(`${selector} option`)].map((o) => [o.value, o.textContent?.trim() ?? '']);

  describe('the list', () => {
    it('shows the campaign’s follow-ups, due dates in the person’s zone, with links, and actions only on the person’s organization’s', async () => {
      await signIn();
      const { page } = await open(theCampaign(MEMBER));
      expect(text(page, 'p.muted')).toBe('Stop the transfers to CECOT');
      expect(text(page, '#fu-list-heading')).toBe('Follow-ups');
      expect(query(page, '.back a').getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}`);
      expect(page.querySelectorAll('.back a')[1]?.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}/calendar`);
      expect(titles(page)).toEqual(['Brief the Geneva mission', 'Call the Security Council presidency']);

      const ours = card(page, OURS_ITEM);
      expect(query(ours, 'h3 a').getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}/follow-ups/${OURS_ITEM.id}`);
      expect(facts(ours)).toEqual({
        Due: 'Dec 1, 2026, 11:00 AM GMT-3 (America/Argentina/Buenos_Aires)',
        For: 'Centro de Derechos · anyone there',
      });
      // The campaign is the page's: the cards do not repeat it.
      expect(ours.textContent).not.toContain('Stop the transfers to CECOT');
      expect(ours.querySelector('dm-follow-up-actions')).not.toBeNull();

      const theirs = card(page, THEIRS_ITEM);
      expect(text(theirs, '.card__meta')).toBe('Open ⚠ Overdue');
      expect(facts(theirs)).toEqual({
        Due: 'Nov 18, 2026, 06:00 PM GMT-3 (America/Argentina/Buenos_Aires)',
        For: 'Movement Law Lab · Luis Gómez',
      });
      expect(theirs.querySelector('dm-follow-up-actions')).toBeNull();
    });

    it('updates a card in place when the organization marks it in progress', async () => {
      await signIn();
      const { harness, page } = await open(theCampaign(MEMBER));
      button(card(page, OURS_ITEM), 'Mark in progress').click();
      const patch = http.expectOne({ method: 'PATCH', url: `/api/follow-ups/${OURS_ITEM.id}` });
      expect(patch.request.body).toEqual({ status: 'in_progress' });
      patch.flush({ ...OURS_ITEM, status: 'in_progress' });
      await settle(harness.fixture);
      expect(text(card(page, OURS_ITEM), 'dm-follow-up-status')).toBe('In progress');
      expect(titles(page)).toEqual(['Brief the Geneva mission', 'Call the Security Council presidency']);
      http.expectNone(LIST); // no reload: the card took the API’s answer
    });

    it('offers no actions and no form to observers', async () => {
      await signIn({ role: 'observer' });
      const { page } = await open(theCampaign(OBSERVER));
      expect(titles(page)).toHaveLength(2);
      expect(page.querySelector('dm-follow-up-actions')).toBeNull();
      expect(page.querySelector('dm-follow-up-create-form')).toBeNull();
      expect(page.querySelector('#fu-create-heading')).toBeNull();
    });

    it('asks the API again with each filter, days taken in the person’s zone', async () => {
      await signIn();
      const { harness, page } = await open(theCampaign(MEMBER));

      fill(page, '#filter-status', 'in_progress');
      await settle(harness.fixture);
      expect(text(page, 'section [role="status"]')).toBe('Loading the follow-ups…');
      let list = listRequest();
      expect(paramsOf(list)).toEqual({ limit: '200', status: 'in_progress' });
      list.flush({ items: [{ ...OURS_ITEM, status: 'in_progress' }], nextCursor: null });
      await settle(harness.fixture);
      expect(titles(page)).toEqual(['Brief the Geneva mission']);
      expect(query<HTMLSelectElement>(page, '#filter-status').value).toBe('in_progress');

      fill(page, '#filter-after', '2026-11-01');
      list = listRequest();
      // 00:00 on 1 November in Buenos Aires (UTC-3).
      expect(paramsOf(list)).toEqual({ limit: '200', status: 'in_progress', dueAfter: '2026-11-01T03:00:00.000Z' });
      list.flush({ items: [], nextCursor: null });
      await settle(harness.fixture);

      fill(page, '#filter-before', '2026-11-30');
      list = listRequest();
      // "Due until the 30th" takes in the whole day: before 00:00 on 1 December.
      expect(paramsOf(list)).toEqual({
        limit: '200',
        status: 'in_progress',
        dueAfter: '2026-11-01T03:00:00.000Z',
        dueBefore: '2026-12-01T03:00:00.000Z',
      });
      list.flush({ items: [], nextCursor: null });
      await settle(harness.fixture);
      expect(text(page, 'section .panel')).toBe('No follow-ups match.');
      expect(page.querySelector('ul.list')).toBeNull();
    });

    it('“Overdue only” asks for what was due before now, and shows only the overdue ones', async () => {
      await signIn();
      const { harness, page } = await open(theCampaign(MEMBER));
      query<HTMLInputElement>(page, '#filter-overdue').click();
      const list = listRequest();
      expect(paramsOf(list)).toEqual({ limit: '200', dueBefore: NOW });
      // Were the API to answer with one that is not overdue, it stays out.
      list.flush({ items: [OURS_ITEM, THEIRS_ITEM], nextCursor: null });
      await settle(harness.fixture);
      expect(titles(page)).toEqual(['Call the Security Council presidency']);
      expect(query<HTMLInputElement>(page, '#filter-overdue').checked).toBe(true);
    });

    it('reads every page of the list', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      campaignRequest().flush(theCampaign(MEMBER));
      listRequest().flush({ items: [OURS_ITEM], nextCursor: 'next-1' });
      await settle(harness.fixture);
      const second = listRequest();
      expect(paramsOf(second)).toEqual({ limit: '200', cursor: 'next-1' });
      second.flush({ items: [THEIRS_ITEM], nextCursor: null });
      await settle(harness.fixture);
      expect(titles(page)).toEqual(['Brief the Geneva mission', 'Call the Security Council presidency']);
    });

    it('ignores the answer to a filter that was since changed', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      campaignRequest().flush(theCampaign(MEMBER));
      await settle(harness.fixture);
      const first = listRequest();
      fill(page, '#filter-status', 'done');
      const second = http.expectOne((r) => r.url.endsWith('/follow-ups') && r.params.get('status') === 'done');
      second.flush({ items: [{ ...THEIRS_ITEM, status: 'done' }], nextCursor: null });
      await settle(harness.fixture);
      first.flush({ items: [OURS_ITEM, THEIRS_ITEM], nextCursor: null });
      await settle(harness.fixture);
      expect(titles(page)).toEqual(['Call the Security Council presidency']);
      expect(text(page, 'dm-follow-up-status')).toBe('Done');
    });

    it('says when nothing matches', async () => {
      await signIn();
      const { page } = await open(theCampaign(MEMBER), []);
      expect(text(page, 'section .panel')).toBe('No follow-ups match.');
      expect(page.querySelector('article')).toBeNull();
    });

    it('reports a list that failed to load, and tries again', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      campaignRequest().flush(theCampaign(MEMBER));
      listRequest().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
      await settle(harness.fixture);
      expect(text(page, 'section [role="alert"]')).toBe(
        'Something went wrong (error internal_error, request req-test-1). Try again later.',
      );
      expect(text(page, 'p.muted')).toBe('Stop the transfers to CECOT'); // the campaign is there

      button(page, 'Try again').click();
      await settle(harness.fixture);
      expect(text(page, 'section [role="status"]')).toBe('Loading the follow-ups…');
      listRequest().flush({ items: [OURS_ITEM], nextCursor: null });
      await settle(harness.fixture);
      expect(page.querySelector('[role="alert"]')).toBeNull();
      expect(titles(page)).toEqual(['Brief the Geneva mission']);
    });

    it('says when the campaign is not there, and tries again', async () => {
      await signIn();
      const harness = await RouterTestingHarness.create(URL);
      const page = harness.fixture.nativeElement as HTMLElement;
      listRequest().flush({ items: [OURS_ITEM], nextCursor: null });
      campaignRequest().flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
      await settle(harness.fixture);
      expect(text(page, '[role="alert"]')).toBe('This campaign does not exist, or you cannot see it.');
      expect(page.querySelector('section')).toBeNull();

      button(page, 'Try again').click();
      await settle(harness.fixture);
      expect(text(page, '[role="status"]')).toBe('Loading the campaign…');
      campaignRequest().flush(theCampaign(MEMBER));
      await settle(harness.fixture);
      expect(titles(page)).toEqual(['Brief the Geneva mission']);
    });
  });

  describe('assigning a follow-up', () => {
    beforeEach(() => signIn({ role: 'coordinator' }));

    it('is offered to coordinators, with the campaign’s organizations and demands, and due in a week at 17:00 in their zone', async () => {
      const { page } = await open(theCampaign());
      expect(text(page, '#fu-create-heading')).toBe('Assign a follow-up');
      expect(options(page, '#fu-organization')).toEqual([
        ['', 'Choose an organization…'],
        [OURS.id, OURS.name],
        [THEIRS.id, THEIRS.name],
      ]);
      expect(options(page, '#fu-assignee')).toEqual([['', 'Anyone in the organization']]);
      expect(options(page, '#fu-demand')).toEqual([
        ['', 'No demand'],
        [aDemand().id, 'sg-special-envoy · Secretary-General: appointing a Special Envoy with unimpeded access to CECOT'],
        [LONG_DEMAND.id, '3 · Secretary-General: the facilitation of a country visit to El Salvador by the Special R…'],
      ]);
      expect(query<HTMLInputElement>(page, '#fu-due-date').value).toBe('2026-11-27');
      expect(query<HTMLInputElement>(page, '#fu-due-time').value).toBe('17:00');
      expect(query<HTMLSelectElement>(page, '#fu-zone').value).toBe('America/Argentina/Buenos_Aires');
      expect(query<HTMLSelectElement>(page, '#fu-demand').value).toBe('');
      // Coordinators act on every follow-up of the campaign.
      expect(page.querySelectorAll('article dm-follow-up-actions')).toHaveLength(2);
    });

    it('posts the follow-up with its due time stated in the chosen zone, says so, and reloads the list', async () => {
      const { harness, page } = await open(theCampaign());
      fill(page, '#fu-organization', THEIRS.id);
      await settle(harness.fixture);
      const people = http.expectOne(USERS);
      expect(paramsOf(people)).toEqual({ organizationId: THEIRS.id, limit: '200' });
      people.flush({ items: [aPerson()], nextCursor: null });
      await settle(harness.fixture);
      expect(options(page, '#fu-assignee')).toEqual([
        ['', 'Anyone in the organization'],
        [aPerson().id, 'Luis Gómez'],
      ]);

      fill(page, '#fu-title', '  Ask for a meeting with the mission  ');
      fill(page, '#fu-details', ' Before the session opens. ');
      fill(page, '#fu-assignee', aPerson().id);
      fill(page, '#fu-due-date', '2026-12-01');
      fill(page, '#fu-due-time', '09:30');
      fill(page, '#fu-zone', 'Europe/Zurich');
      fill(page, '#fu-demand', aDemand().id);
      button(page, 'Assign').click();
      await settle(harness.fixture);
      expect(button(page, 'Assigning…').getAttribute('aria-disabled')).toBe('true');

      const post = http.expectOne({ method: 'POST', url: `/api/campaigns/${CAMPAIGN_ID}/follow-ups` });
      expect(post.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
      expect(post.request.body).toEqual({
        title: 'Ask for a meeting with the mission',
        organizationId: THEIRS.id,
        dueAt: '2026-12-01T08:30:00.000Z', // 09:30 in Zurich (UTC+1 in winter)
        dueTimeZone: 'Europe/Zurich',
        details: 'Before the session opens.',
        assigneeId: aPerson().id,
        demandId: aDemand().id,
      });
      const created = aFollowUp({
        id: 'f0000000-0000-4000-8000-000000000003',
        title: 'Ask for a meeting with the mission',
        organizationId: THEIRS.id,
        organizationName: THEIRS.name,
        assigneeId: aPerson().id,
        assigneeName: 'Luis Gómez',
        dueAt: '2026-12-01T08:30:00.000Z',
        dueTimeZone: 'Europe/Zurich',
      });
      post.flush(created);
      await settle(harness.fixture);

      expect(text(page, '.alert--ok[role="status"]')).toBe('“Ask for a meeting with the mission” has been assigned to Movement Law Lab.');
      expect(paramsOf(listRequest())).toEqual({ limit: '200' });
      // The form is ready for the next one: same organization and due time, no title or person.
      expect(query<HTMLInputElement>(page, '#fu-title').value).toBe('');
      expect(query<HTMLTextAreaElement>(page, '#fu-details').value).toBe('');
      expect(query<HTMLSelectElement>(page, '#fu-assignee').value).toBe('');
      expect(query<HTMLSelectElement>(page, '#fu-organization').value).toBe(THEIRS.id);
    });

    it('checks the title and the organization before sending, and focuses the first', async () => {
      const { harness, page } = await open(theCampaign());
      fill(page, '#fu-due-date', '');
      button(page, 'Assign').click();
      await settle(harness.fixture);
      http.expectNone({ method: 'POST' });
      expect(text(page, '#follow-up-create-title-error')).toBe('Give the follow-up a title.');
      expect(text(page, '#follow-up-create-organizationId-error')).toBe('Choose the organization that does it.');
      expect(text(page, '#follow-up-create-dueDate-error')).toBe('Choose the day it is due.');
      expect(query(page, '#fu-title').getAttribute('aria-invalid')).toBe('true');
      expect(query(page, '#fu-organization').getAttribute('aria-describedby')).toBe('follow-up-create-organizationId-error');
      expect(query(page, '#fu-details').getAttribute('aria-invalid')).toBeNull();
      expect(document.activeElement).toBe(query(page, '#fu-title'));
    });

    it('shows the API’s complaint about a field at that field, and about others above the form', async () => {
      const { harness, page } = await open(theCampaign());
      fill(page, '#fu-title', 'Ask for a meeting');
      fill(page, '#fu-organization', THEIRS.id);
      await settle(harness.fixture);
      http.expectOne(USERS).flush({ items: [], nextCursor: null });
      button(page, 'Assign').click();
      http.expectOne({ method: 'POST', url: `/api/campaigns/${CAMPAIGN_ID}/follow-ups` }).flush(
        anError(400, 'validation_failed', [
          { field: 'organizationId', message: 'is not an organization of this campaign' },
          { field: 'responseId', message: 'is not a response of this campaign' },
        ]),
        { status: 400, statusText: 'Bad Request' },
      );
      await settle(harness.fixture);

      expect(text(page, '#follow-up-create-organizationId-error')).toBe('Not accepted: is not an organization of this campaign.');
      const organization = query(page, '#fu-organization');
      expect(organization.getAttribute('aria-invalid')).toBe('true');
      expect(organization.getAttribute('aria-describedby')).toBe('follow-up-create-organizationId-error');
      expect(text(page, '#follow-up-create-alert')).toBe('Some values were not accepted: responseId is not a response of this campaign');
      expect(query(page, '#fu-title').getAttribute('aria-invalid')).toBeNull();
      // Nothing was assigned: no "assigned" note, no reload, the title is kept to send again.
      expect(page.querySelector('.alert--ok')).toBeNull();
      http.expectNone(LIST);
      expect(query<HTMLInputElement>(page, '#fu-title').value).toBe('Ask for a meeting');
    });

    it('says so when the person may no longer assign follow-ups', async () => {
      const { harness, page } = await open(theCampaign());
      fill(page, '#fu-title', 'Ask for a meeting');
      fill(page, '#fu-organization', OURS.id);
      await settle(harness.fixture);
      http.expectOne(USERS).flush(anError(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });
      await settle(harness.fixture);
      // Without the directory, the follow-up goes to the organization as a whole.
      expect(options(page, '#fu-assignee')).toEqual([['', 'Anyone in the organization']]);
      button(page, 'Assign').click();
      http
        .expectOne({ method: 'POST', url: `/api/campaigns/${CAMPAIGN_ID}/follow-ups` })
        .flush(anError(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });
      await settle(harness.fixture);
      expect(text(page, '#follow-up-create-alert')).toBe('You may not change this follow-up.');
    });

    it('pre-fills the demand given in the address, and sends it', async () => {
      const { harness, page } = await open(theCampaign(), [], { url: `${URL}?demandId=${LONG_DEMAND.id}` });
      expect(query<HTMLSelectElement>(page, '#fu-demand').value).toBe(LONG_DEMAND.id);
      fill(page, '#fu-title', 'Ask for a visit');
      fill(page, '#fu-organization', OURS.id);
      await settle(harness.fixture);
      http.expectOne(USERS).flush({ items: [], nextCursor: null });
      button(page, 'Assign').click();
      const post = http.expectOne({ method: 'POST', url: `/api/campaigns/${CAMPAIGN_ID}/follow-ups` });
      expect(post.request.body).toEqual({
        title: 'Ask for a visit',
        organizationId: OURS.id,
        dueAt: '2026-11-27T20:00:00.000Z', // the default: 17:00 a week from now, in Buenos Aires
        dueTimeZone: 'America/Argentina/Buenos_Aires',
        demandId: LONG_DEMAND.id,
      });
      post.flush(aFollowUp({ title: 'Ask for a visit', demandId: LONG_DEMAND.id }));
      await settle(harness.fixture);
      listRequest().flush({ items: [], nextCursor: null });
      await settle(harness.fixture);
    });

    it('is not offered to members, who do not coordinate', async () => {
      await signIn({ role: 'member' });
      const { page } = await open(theCampaign(MEMBER));
      expect(page.querySelector('dm-follow-up-create-form')).toBeNull();
      expect(page.querySelector('#fu-title')).toBeNull();
      expect(page.textContent).not.toContain('Assign a follow-up');
    });
  });
});
