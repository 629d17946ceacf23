import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session, type Me } from '../core/session/session';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser } from '../testing/fixtures';
import type { HttpTestingController, SentRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import type { Institution } from './directory-data';
import { DIRECTORY_ROUTES } from './directory.routes';
import { OAS_ID, anInstitution, anInstitutionDetail, anOffice } from './testing/directory-fixtures';

const IACHR = anInstitution({
  id: '1a000000-0000-4000-8000-0000000000a2',
  name: 'Inter-American Commission on Human Rights',
  abbreviation: null,
  officeCount: 3,
});
const isList = (url: string) => (request: SentRequest) => request.method === 'GET' && request.url === url;

describe('the directory: institutions, and offices by holder', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'directory', children: DIRECTORY_ROUTES }]);
  });
  afterEach(tearDownPageSpec);

  async function open(url: string, user: Partial<Me> = {}) {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
    const harness = await RouterTestingHarness.create(url);
    const page = harness.fixture.nativeElement as HTMLElement;
    return { harness, page };
  }

  async function answerInstitutions(harness: RouterTestingHarness, items: Institution[], q: string | null = null) {
    const list = http.expectOne(isList('/api/institutions'));
    expect(list.request.params.get('q')).toBe(q);
    list.flush({ items, nextCursor: null });
    await settle(harness.fixture);
  }

  it('lists the institutions with their offices and seat, read-only for a member', async () => {
    const { harness, page } = await open('/directory');
    expect(text(page, 'h1')).toBe('Directory');
    expect(text(page, '[role=status]')).toBe('Loading the institutions…');
    await answerInstitutions(harness, [IACHR, anInstitution()]);
    expect([...page.querySelectorAll('.item')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Inter-American Commission on Human Rights 3 offices · seat’s time zone America/New_York',
      'Organization of American States (OAS) one office · seat’s time zone America/New_York',
    ]);
    expect(query(page, `#institution-${OAS_ID}`).getAttribute('href')).toBe(`/directory/institutions/${OAS_ID}`);
    expect(page.querySelectorAll('button').length).toBe(1);
    expect(button(page, 'Search')).toBeTruthy();
    expect(page.querySelector('#directory-add-toggle')).toBeNull();
    expect(page.querySelector('#offices-heading')).toBeNull();
  });

  it('searches the institutions and, by institution, title or holder, the offices; the search stays in the address', async () => {
    const { harness, page } = await open('/directory', { role: 'coordinator' });
    await answerInstitutions(harness, [anInstitution()]);
    fill(page, '#directory-q', ' Ramdin ');
    button(page, 'Search').click();
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/directory?q=Ramdin');
    await answerInstitutions(harness, [], 'Ramdin');
    const offices = http.expectOne(isList('/api/offices'));
    expect(offices.request.params.get('q')).toBe('Ramdin');
    offices.flush({ items: [anOffice()], nextCursor: null });
    await settle(harness.fixture);

    expect(text(page, '#institutions-heading')).toBe('Institutions matching “Ramdin”');
    expect(text(page, '#institutions-heading + dm-load-status + p.panel')).toBe('No institution’s name or abbreviation contains “Ramdin”.');
    expect(text(page, '#offices-heading')).toBe('Offices and officeholders matching “Ramdin”');
    expect([...page.querySelectorAll('#offices-heading ~ ul .item > *')].map((e) => e.textContent?.trim())).toEqual([
      'Secretary General',
      'Organization of American States',
      'Held by Albert Ramdin until May 25, 2030',
    ]);
    expect(query(page, '#offices-heading ~ ul a').getAttribute('href')).toBe('/directory/offices/0f000000-0000-4000-8000-0000000000a1');
    expect(query<HTMLInputElement>(page, '#directory-q').value).toBe('Ramdin');

    click(page, 'a[href="/directory"]');
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/directory');
    await answerInstitutions(harness, [anInstitution()]);
    expect(page.querySelector('#offices-heading')).toBeNull();
  });

  it('says when nothing matches, and when the directory is empty', async () => {
    const { harness, page } = await open('/directory?q=Nowhere');
    await answerInstitutions(harness, [], 'Nowhere');
    http.expectOne(isList('/api/offices')).flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, '#offices-heading ~ p.panel')).toBe('No office, institution or officeholder matches “Nowhere”.');

    await harness.navigateByUrl('/directory');
    await answerInstitutions(harness, []);
    expect(text(page, 'p.panel')).toBe('The directory has no institution yet.');
  });

  it('says why the list could not be loaded, and loads it again on request', async () => {
    const { harness, page } = await open('/directory');
    http.expectOne(isList('/api/institutions')).error(new ProgressEvent('error'));
    await settle(harness.fixture);
    expect(text(page, '[role=alert]')).toBe('The server could not be reached. Check your connection and try again.');
    button(page, 'Try again').click();
    await settle(harness.fixture);
    await answerInstitutions(harness, [anInstitution()]);
    expect(page.querySelectorAll('.item').length).toBe(1);
  });

  it('lets a coordinator add an institution, then opens its page to add its offices', async () => {
    const { harness, page } = await open('/directory', { role: 'coordinator' });
    await answerInstitutions(harness, []);
    expect(text(page, 'p.panel')).toBe('The directory has no institution yet: add the first one.');
    const toggle = query<HTMLButtonElement>(page, '#directory-add-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle(harness.fixture);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(query(page, '#directory-add [name=name]'));

    button(page, 'Cancel').click();
    await settle(harness.fixture);
    expect(page.querySelector('#directory-add')).toBeNull();
    expect(document.activeElement).toBe(toggle);

    toggle.click();
    await settle(harness.fixture);
    fill(page, '[name=name]', 'Organization of American States');
    fill(page, '[name=abbreviation]', 'OAS');
    fill(page, '[name=seatTimeZone]', 'America/New_York');
    button(page, 'Add the institution').click();
    await settle(harness.fixture);
    http.expectOne({ method: 'POST', url: '/api/institutions' }).flush(anInstitution(), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe(`/directory/institutions/${OAS_ID}`);
    http.expectOne(isList(`/api/institutions/${OAS_ID}`)).flush(anInstitutionDetail({ offices: [], officeCount: 0 }));
    await settle(harness.fixture);
    expect(text(page, '[role=status]')).toBe('The institution has been added to the directory. Now add its offices.');
  });
});
