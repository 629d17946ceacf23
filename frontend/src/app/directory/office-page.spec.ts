import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session, type Me } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import type { Office } from './directory-data';
import { DIRECTORY_ROUTES } from './directory.routes';
import { EARLIER_TERM_ID, OAS_ID, OFFICE_ID, TERM_ID, aTerm, anEarlierTerm, anOffice } from './testing/directory-fixtures';

const PAGE = `/directory/offices/${OFFICE_ID}`;
const CONFLICT = { status: 409, statusText: 'Conflict' };

describe('an office’s page', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'directory', children: DIRECTORY_ROUTES }]);
  });
  afterEach(tearDownPageSpec);

  async function open(user: Partial<Me> = {}, office: Office = anOffice()) {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
    const harness = await RouterTestingHarness.create(PAGE);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, '[role=status]')).toBe('Loading the office…');
    http.expectOne({ method: 'GET', url: `/api/offices/${OFFICE_ID}` }).flush(office);
    await settle(harness.fixture);
    return { harness, page };
  }

  /** The office again, as the page asks for it after a change of its terms. */
  async function answerOffice(harness: RouterTestingHarness, office: Office): Promise<void> {
    http.expectOne({ method: 'GET', url: `/api/offices/${OFFICE_ID}` }).flush(office);
    await settle(harness.fixture);
  }

  const history = (page: HTMLElement) =>
    [...page.querySelectorAll('[data-term-id]')].map((li) => `${text(li, 'h3')} — ${text(li, '.item__meta')}`);

  it('shows the current holder and every term by date, read-only for a member', async () => {
    const { page } = await open();
    expect(text(page, 'h1')).toBe('Secretary General Organization of American States');
    expect(query(page, '.back a').getAttribute('href')).toBe(`/directory/institutions/${OAS_ID}`);
    expect(text(page, '.back a')).toBe('← Organization of American States');
    expect(text(page, '#office-holder-heading')).toBe('Current officeholder');
    expect(text(page, '.holder')).toBe('Albert Ramdin, May 26, 2025 to May 25, 2030');
    expect(history(page)).toEqual(['Luis Almagro — May 26, 2015 to May 25, 2025', 'Albert Ramdin current — May 26, 2025 to May 25, 2030']);
    expect([...page.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Look up']);
  });

  it('says who held the office on a given day, or that nobody is recorded', async () => {
    const { harness, page } = await open({ role: 'observer' });
    button(page, 'Look up').click();
    await settle(harness.fixture);
    expect(text(page, 'dm-field-error')).toBe('Choose a day.');
    expect(document.activeElement).toBe(query(page, '#holder-on-date'));

    fill(page, '#holder-on-date', '2020-03-01');
    button(page, 'Look up').click();
    await settle(harness.fixture);
    const asked = http.expectOne((r) => r.method === 'GET' && r.url === `/api/offices/${OFFICE_ID}/holder`);
    expect(asked.request.params.get('on')).toBe('2020-03-01');
    asked.flush({ on: '2020-03-01', term: anEarlierTerm() });
    await settle(harness.fixture);
    expect(text(page, '.holder-on')).toBe('On Mar 1, 2020: Luis Almagro (May 26, 2015 to May 25, 2025).');

    fill(page, '#holder-on-date', '1990-01-01');
    button(page, 'Look up').click();
    await settle(harness.fixture);
    http.expectOne((r) => r.method === 'GET' && r.url === `/api/offices/${OFFICE_ID}/holder`).flush({ on: '1990-01-01', term: null });
    await settle(harness.fixture);
    expect(text(page, '.holder-on')).toBe('On Jan 1, 1990, nobody is recorded as holding this office.');
  });

  it('says when no officeholder is recorded, and names a collective body’s latest member', async () => {
    const { page } = await open({}, anOffice({ isCollective: true, terms: [], currentHolder: null }));
    expect(text(page, '#office-holder-heading')).toBe('Latest member to take office');
    expect(text(page, '#office-holder-heading + p')).toBe('A collective body');
    expect(text(page, '#office-terms-heading + p.panel')).toBe('No officeholder of this office is recorded yet.');
  });

  it('lets a coordinator add a term; one overlapping another is refused with its name at the first day', async () => {
    const { harness, page } = await open({ role: 'coordinator' });
    query<HTMLButtonElement>(page, '#term-add-toggle').click();
    await settle(harness.fixture);
    expect(text(page, '#term-add-heading')).toBe('A new term of the office of Secretary General');
    expect(document.activeElement).toBe(query(page, '#term-add [name=holderName]'));
    fill(page, '#term-add [name=holderName]', 'Francisco Guerrero');
    fill(page, '#term-add [name=startsOn]', '2030-01-01');
    button(page, 'Add the term').click();
    await settle(harness.fixture);
    const refused = http.expectOne({ method: 'POST', url: `/api/offices/${OFFICE_ID}/terms` });
    expect(refused.request.body).toEqual({ holderName: 'Francisco Guerrero', startsOn: '2030-01-01', endsOn: null, source: null });
    refused.flush(
      anError(409, 'terms_overlap', [{ field: 'startsOn', message: 'overlaps the term of Albert Ramdin (2025-05-26 to 2030-05-25)' }]),
      CONFLICT,
    );
    await settle(harness.fixture);
    expect(text(page, '#term-add dm-field-error')).toBe(
      'These dates overlap the term of Albert Ramdin (May 26, 2025 to May 25, 2030). Only a collective body may have overlapping terms: correct the dates, or the other term first.',
    );
    const start = query(page, '#term-add [name=startsOn]');
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(start.getAttribute('aria-describedby')).toContain('-startsOn-error');

    fill(page, '#term-add [name=startsOn]', '2030-05-26');
    button(page, 'Add the term').click();
    await settle(harness.fixture);
    const added = aTerm({
      id: '7e000000-0000-4000-8000-0000000000a9',
      holderName: 'Francisco Guerrero',
      startsOn: '2030-05-26',
      endsOn: null,
    });
    http.expectOne({ method: 'POST', url: `/api/offices/${OFFICE_ID}/terms` }).flush(added, { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    await answerOffice(harness, anOffice({ terms: [anEarlierTerm(), aTerm(), added] }));
    expect(page.querySelector('#term-add')).toBeNull();
    expect(text(page, '[role=status]')).toBe('The term of Francisco Guerrero has been added.');
    expect(history(page)).toContain('Francisco Guerrero — from May 26, 2030');
    expect(document.activeElement).toBe(query(page, `#term-${added.id}`));
  });

  it('lets a coordinator correct a term, named on its button, and then finds the button again', async () => {
    const { harness, page } = await open({ role: 'coordinator' });
    const edit = query<HTMLButtonElement>(page, `[data-term-id="${TERM_ID}"] [data-action=edit]`);
    expect(edit.textContent?.replace(/\s+/g, ' ').trim()).toBe('Edit the term of Albert Ramdin');
    edit.click();
    await settle(harness.fixture);
    fill(page, `[data-term-id="${TERM_ID}"] [name=endsOn]`, '2030-06-30');
    button(page, 'Save').click();
    await settle(harness.fixture);
    const saved = http.expectOne({ method: 'PATCH', url: `/api/terms/${TERM_ID}` });
    expect(saved.request.body).toEqual({ holderName: 'Albert Ramdin', startsOn: '2025-05-26', endsOn: '2030-06-30', source: null });
    saved.flush(aTerm({ endsOn: '2030-06-30' }));
    await settle(harness.fixture);
    const changed = aTerm({ endsOn: '2030-06-30' });
    await answerOffice(harness, anOffice({ terms: [anEarlierTerm(), changed], currentHolder: changed }));
    expect(text(page, '[role=status]')).toBe('The term of Albert Ramdin has been saved.');
    expect(text(page, '.holder')).toBe('Albert Ramdin, May 26, 2025 to Jun 30, 2030');
    expect(document.activeElement).toBe(query(page, `[data-term-id="${TERM_ID}"] [data-action=edit]`));
  });

  it('deletes a term after a confirmation, says why it could not, and returns focus', async () => {
    const { harness, page } = await open({ role: 'coordinator' });
    const remove = () => query<HTMLButtonElement>(page, `[data-term-id="${EARLIER_TERM_ID}"] [data-action=delete]`);
    expect(remove().textContent?.replace(/\s+/g, ' ').trim()).toBe('Delete the term of Luis Almagro');
    remove().click();
    await settle(harness.fixture);
    expect(text(page, '.confirm__question')).toBe(
      'Delete the term of Luis Almagro (May 26, 2015 to May 25, 2025)? Demands whose deadline follows the end of this term keep their deadline, but it will no longer follow the term.',
    );
    expect(document.activeElement).toBe(query(page, '.confirm__yes'));
    button(page, 'Cancel').click();
    await settle(harness.fixture);
    expect(document.activeElement).toBe(remove());

    remove().click();
    await settle(harness.fixture);
    button(page, 'Yes, delete the term').click();
    await settle(harness.fixture);
    http
      .expectOne({ method: 'DELETE', url: `/api/terms/${EARLIER_TERM_ID}` })
      .flush(anError(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });
    await settle(harness.fixture);
    expect(text(page, '.confirm [role=alert]')).toBe('Only coordinators and administrators can change the directory.');

    button(page, 'Yes, delete the term').click();
    await settle(harness.fixture);
    http.expectOne({ method: 'DELETE', url: `/api/terms/${EARLIER_TERM_ID}` }).flush(null);
    await settle(harness.fixture);
    await answerOffice(harness, anOffice({ terms: [aTerm()] }));
    expect(text(page, '[role=status]')).toBe('The term of Luis Almagro has been deleted.');
    expect(history(page)).toEqual(['Albert Ramdin current — May 26, 2025 to May 25, 2030']);
    expect(document.activeElement).toBe(query(page, '#office-terms-heading'));
  });

  it('lets a coordinator edit the office', async () => {
    const { harness, page } = await open({ role: 'coordinator' });
    query<HTMLButtonElement>(page, '#office-edit').click();
    await settle(harness.fixture);
    fill(page, '[name=title]', 'Secretary General of the OAS');
    button(page, 'Save').click();
    await settle(harness.fixture);
    const saved = http.expectOne({ method: 'PATCH', url: `/api/offices/${OFFICE_ID}` });
    expect(saved.request.body).toEqual({ title: 'Secretary General of the OAS', isCollective: false, source: null });
    saved.flush(anOffice({ title: 'Secretary General of the OAS' }));
    await settle(harness.fixture);
    expect(text(page, '[role=status]')).toBe('The office has been saved.');
    expect(text(page, 'h1')).toBe('Secretary General of the OAS Organization of American States');
    expect(document.activeElement).toBe(query(page, '#office-edit'));
  });
});
