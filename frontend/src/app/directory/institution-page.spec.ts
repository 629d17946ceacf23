import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session, type Me } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { DIRECTORY_ROUTES } from './directory.routes';
import { OAS_ID, OFFICE_ID, aTerm, anInstitution, anInstitutionDetail, anOffice } from './testing/directory-fixtures';

const PAGE = `/directory/institutions/${OAS_ID}`;
const COUNCIL = anOffice({
  id: '0f000000-0000-4000-8000-0000000000a3',
  title: 'Permanent Council',
  isCollective: true,
  terms: [],
  currentHolder: null,
});

describe('an institution’s page', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'directory', children: DIRECTORY_ROUTES }]);
  });
  afterEach(tearDownPageSpec);

  async function open(user: Partial<Me> = {}, detail = anInstitutionDetail({ offices: [anOffice(), COUNCIL], officeCount: 2 })) {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
    const harness = await RouterTestingHarness.create(PAGE);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, '[role=status]')).toBe('Loading the institution…');
    http.expectOne({ method: 'GET', url: `/api/institutions/${OAS_ID}` }).flush(detail);
    await settle(harness.fixture);
    return { harness, page };
  }

  const facts = (page: HTMLElement) => [...page.querySelectorAll('.facts > div')].map((div) => `${text(div, 'dt')}: ${text(div, 'dd')}`);

  it('shows its details and its offices with who holds each, read-only for an observer', async () => {
    const { page } = await open({ role: 'observer' });
    expect(text(page, 'h1')).toBe('Organization of American States OAS');
    expect(facts(page)).toEqual(['Abbreviation: OAS', 'Time zone of its seat: America/New_York', 'Website: https://www.oas.org']);
    expect([...page.querySelectorAll('.item')].map((li) => [...li.children].map((e) => e.textContent?.trim()))).toEqual([
      ['Secretary General', 'Held by Albert Ramdin until May 25, 2030'],
      ['Permanent Council A collective body', 'A collective body'],
    ]);
    expect(query(page, `#office-${OFFICE_ID}`).getAttribute('href')).toBe(`/directory/offices/${OFFICE_ID}`);
    expect(query(page, '.back a').getAttribute('href')).toBe('/directory');
    expect(page.querySelectorAll('button').length).toBe(0);
  });

  it('says so when the institution is not in the directory, and when it has no office yet', async () => {
    await TestBed.inject(Session).start({ user: aUser(), csrfToken: 'csrf-1' });
    const harness = await RouterTestingHarness.create(PAGE);
    const page = harness.fixture.nativeElement as HTMLElement;
    http
      .expectOne({ method: 'GET', url: `/api/institutions/${OAS_ID}` })
      .flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    await settle(harness.fixture);
    expect(text(page, 'h1')).toBe('Institution');
    expect(text(page, '[role=alert]')).toBe('There is no such institution in the directory.');

    button(page, 'Try again').click();
    await settle(harness.fixture);
    http.expectOne({ method: 'GET', url: `/api/institutions/${OAS_ID}` }).flush(anInstitutionDetail({ offices: [], officeCount: 0 }));
    await settle(harness.fixture);
    expect(text(page, 'p.panel')).toBe('No office of this institution is in the directory yet.');
  });

  it('lets a coordinator edit its details in place', async () => {
    const { harness, page } = await open({ role: 'coordinator' });
    const edit = query<HTMLButtonElement>(page, '#institution-edit');
    expect(edit.textContent?.replace(/\s+/g, ' ').trim()).toBe('Edit the details of Organization of American States');
    edit.click();
    await settle(harness.fixture);
    expect(document.activeElement).toBe(query(page, '[name=name]'));
    fill(page, '[name=website]', '');
    fill(page, '[name=abbreviation]', 'OEA');
    button(page, 'Save').click();
    await settle(harness.fixture);
    const saved = http.expectOne({ method: 'PATCH', url: `/api/institutions/${OAS_ID}` });
    expect(saved.request.body).toEqual({
      name: 'Organization of American States',
      abbreviation: 'OEA',
      seatTimeZone: 'America/New_York',
      website: null,
    });
    saved.flush(anInstitution({ abbreviation: 'OEA', website: null, officeCount: 2 }));
    await settle(harness.fixture);
    expect(text(page, '[role=status]')).toBe('The institution’s details have been saved.');
    expect(facts(page)).toEqual(['Abbreviation: OEA', 'Time zone of its seat: America/New_York', 'Website: Not given']);
    expect(document.activeElement).toBe(query(page, '#institution-edit'));
    expect(page.querySelectorAll('.item').length).toBe(2);
  });

  it('lets a coordinator add an office with its current holder; the office joins the list, by title, with focus on it', async () => {
    const { harness, page } = await open({ role: 'admin' });
    const toggle = query<HTMLButtonElement>(page, '#office-add-toggle');
    expect(toggle.textContent?.replace(/\s+/g, ' ').trim()).toBe('Add an office to Organization of American States');
    toggle.click();
    await settle(harness.fixture);
    expect(text(page, '#office-add-heading')).toBe('Add an office to Organization of American States');
    expect(page.querySelector('#office-add input[type=radio]')).toBeNull();
    http.expectNone('/api/institutions?limit=200');

    fill(page, '[name=title]', 'Assistant Secretary General');
    fill(page, '[name=holderName]', 'Laura Gil');
    fill(page, '[name=startsOn]', '2025-06-01');
    button(page, 'Add the office').click();
    await settle(harness.fixture);
    const id = '0f000000-0000-4000-8000-0000000000a4';
    const term = aTerm({ id: '7e000000-0000-4000-8000-0000000000a4', holderName: 'Laura Gil', startsOn: '2025-06-01', endsOn: null });
    http
      .expectOne({ method: 'POST', url: `/api/institutions/${OAS_ID}/offices` })
      .flush(anOffice({ id, title: 'Assistant Secretary General', terms: [], currentHolder: null }), {
        status: 201,
        statusText: 'Created',
      });
    await settle(harness.fixture);
    const sent = http.expectOne({ method: 'POST', url: `/api/offices/${id}/terms` });
    expect(sent.request.body).toEqual({ holderName: 'Laura Gil', startsOn: '2025-06-01', endsOn: null, source: null });
    sent.flush(term, { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    http
      .expectOne({ method: 'GET', url: `/api/offices/${id}` })
      .flush(anOffice({ id, title: 'Assistant Secretary General', terms: [term], currentHolder: term }));
    await settle(harness.fixture);

    expect(page.querySelector('#office-add')).toBeNull();
    expect(text(page, '[role=status]')).toBe('The office “Assistant Secretary General” has been added.');
    expect([...page.querySelectorAll('.item h3 a')].map((a) => a.textContent?.trim())).toEqual([
      'Assistant Secretary General',
      'Permanent Council',
      'Secretary General',
    ]);
    expect(document.activeElement).toBe(query(page, `#office-${id}`));
    expect(text(page, `[data-office-id="${id}"] .item__meta`)).toBe('Held by Laura Gil');
  });
});
