import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session } from '../core/session/session';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { AddOffice } from './add-office';
import type { Institution, Office } from './directory-data';
import { OAS_ID, aTerm, anInstitution, anOffice } from './testing/directory-fixtures';

const NEW_INSTITUTION_ID = '1a000000-0000-4000-8000-0000000000b1';
const NEW_OFFICE_ID = '0f000000-0000-4000-8000-0000000000b1';
const NEW_TERM_ID = '7e000000-0000-4000-8000-0000000000b1';

/** As the set-up uses it: a group inside another form, whose own submit must never happen. */
@Component({
  imports: [AddOffice],
  template: `
    <form (submit)="$event.preventDefault(); outerSubmits = outerSubmits + 1">
      <div
        dmAddOffice
        role="group"
        aria-label="Add an addressee"
        [institution]="institution()"
        (added)="added.push($event)"
        (cancelled)="cancels = cancels + 1"
      ></div>
    </form>
  `,
})
class Host {
  readonly institution = signal<Institution | null>(null);
  readonly added: Office[] = [];
  cancels = 0;
  outerSubmits = 0;
}

const CREATED = { status: 201, statusText: 'Created' };

const theNewInstitution = () =>
  anInstitution({ id: NEW_INSTITUTION_ID, name: 'Inter-American Commission on Human Rights', abbreviation: 'IACHR', officeCount: 0 });
const theNewTerm = () => aTerm({ id: NEW_TERM_ID, holderName: 'Roberta Clarke', startsOn: '2024-01-01', endsOn: '2027-12-31' });
const theNewOffice = (withTerm = true) =>
  anOffice({
    id: NEW_OFFICE_ID,
    institutionId: NEW_INSTITUTION_ID,
    institutionName: 'Inter-American Commission on Human Rights',
    seatTimeZone: 'America/New_York',
    title: 'President',
    terms: withTerm ? [theNewTerm()] : [],
    currentHolder: withTerm ? theNewTerm() : null,
  });

describe('AddOffice: an office, its institution and its holder, in one go', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([]);
    await TestBed.inject(Session).start({ user: aUser({ role: 'coordinator' }), csrfToken: 'csrf-1' });
  });
  afterEach(tearDownPageSpec);

  async function render(
    institutions: Institution[] | null = [anInstitution()],
    given: Institution | null = null,
  ): Promise<{ fixture: ComponentFixture<Host>; root: HTMLElement }> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.institution.set(given);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    if (institutions) {
      const list = http.expectOne((r) => r.method === 'GET' && r.url === '/api/institutions');
      expect(list.request.params.get('limit')).toBe('200');
      list.flush({ items: institutions, nextCursor: null });
      await settle(fixture);
    }
    return { fixture, root };
  }

  const modeRadio = (root: HTMLElement, mode: 'existing' | 'new') => query<HTMLInputElement>(root, `input[type=radio][value=${mode}]`);
  const field = (root: HTMLElement, name: string) => query<HTMLInputElement>(root, `[name="${name}"]`);

  function fillNewInstitution(root: HTMLElement): void {
    click(root, 'input[type=radio][value=new]');
    fill(root, '[name=name]', ' Inter-American Commission on Human Rights ');
    fill(root, '[name=abbreviation]', 'IACHR');
    fill(root, '[name=seatTimeZone]', 'America/New_York');
  }

  function fillTerm(root: HTMLElement): void {
    fill(root, '[name=holderName]', 'Roberta Clarke');
    fill(root, '[name=startsOn]', '2024-01-01');
    fill(root, '[name=endsOn]', '2027-12-31');
  }

  it('creates a new institution, its office and its holder’s term in that order, then answers the office as the directory gives it', async () => {
    const { fixture, root } = await render();
    expect(modeRadio(root, 'existing').checked).toBe(true);
    expect(root.querySelector<HTMLElement>('fieldset[dmInstitutionForm]')!.hidden).toBe(true);
    fillNewInstitution(root);
    await settle(fixture);
    expect(root.querySelector<HTMLElement>('fieldset[dmInstitutionForm]')!.hidden).toBe(false);
    fill(root, '[name=title]', 'President');
    fillTerm(root);

    button(root, 'Add the office').click();
    await settle(fixture);
    const institution = http.expectOne({ method: 'POST', url: '/api/institutions' });
    expect(institution.request.body).toEqual({
      name: 'Inter-American Commission on Human Rights',
      abbreviation: 'IACHR',
      seatTimeZone: 'America/New_York',
      website: null,
    });
    expect(button(root, 'Adding…').getAttribute('aria-disabled')).toBe('true');
    institution.flush(theNewInstitution(), CREATED);
    await settle(fixture);

    const office = http.expectOne({ method: 'POST', url: `/api/institutions/${NEW_INSTITUTION_ID}/offices` });
    expect(office.request.body).toEqual({ title: 'President', isCollective: false, source: null });
    office.flush(theNewOffice(false), CREATED);
    await settle(fixture);

    const term = http.expectOne({ method: 'POST', url: `/api/offices/${NEW_OFFICE_ID}/terms` });
    expect(term.request.body).toEqual({ holderName: 'Roberta Clarke', startsOn: '2024-01-01', endsOn: '2027-12-31', source: null });
    term.flush(theNewTerm(), CREATED);
    await settle(fixture);

    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).flush(theNewOffice());
    await settle(fixture);
    expect(fixture.componentInstance.added).toEqual([theNewOffice()]);
    expect(fixture.componentInstance.added[0]!.currentHolder?.id).toBe(NEW_TERM_ID);
    expect(fixture.componentInstance.outerSubmits).toBe(0);
  });

  it('checks every part before sending anything, and leaves focus on the first part in error', async () => {
    const { fixture, root } = await render();
    click(root, 'input[type=radio][value=new]');
    fill(root, '[name=endsOn]', '2027-12-31');
    button(root, 'Add the office').click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });
    const errors = [...root.querySelectorAll('dm-field-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual([
      'Give the institution’s name.',
      'Choose the time zone of the institution’s seat.',
      'Give the office’s title.',
      'Give the officeholder’s name, or leave the dates empty too.',
    ]);
    expect(document.activeElement).toBe(field(root, 'name'));
    expect(field(root, 'name').getAttribute('aria-invalid')).toBe('true');

    fill(root, '[name=startsOn]', '2028-01-01');
    fill(root, '[name=holderName]', 'Roberta Clarke');
    button(root, 'Add the office').click();
    await settle(fixture);
    expect(text(root, 'fieldset[dmTermForm] dm-field-error')).toBe('The last day cannot come before the first day.');
    http.expectNone({ method: 'POST' });
  });

  it('adds the office to an institution chosen from the directory, leaving the optional term out', async () => {
    const { fixture, root } = await render([anInstitution(), theNewInstitution()]);
    const options = [...root.querySelectorAll('select[name=institutionId] option')].map((o) => o.textContent?.trim());
    expect(options).toEqual([
      'Choose the institution…',
      'Organization of American States (OAS)',
      'Inter-American Commission on Human Rights (IACHR)',
    ]);
    fill(root, '[name=title]', 'Assistant Secretary General');
    button(root, 'Add the office').click();
    await settle(fixture);
    expect(text(root, 'dm-field-error')).toBe('Choose the institution, or add a new one.');
    expect(document.activeElement).toBe(field(root, 'institutionId'));
    http.expectNone({ method: 'POST' });

    fill(root, '[name=institutionId]', OAS_ID);
    button(root, 'Add the office').click();
    await settle(fixture);
    const created = anOffice({ id: NEW_OFFICE_ID, title: 'Assistant Secretary General', terms: [], currentHolder: null });
    const office = http.expectOne({ method: 'POST', url: `/api/institutions/${OAS_ID}/offices` });
    expect(office.request.body).toEqual({ title: 'Assistant Secretary General', isCollective: false, source: null });
    office.flush(created, CREATED);
    await settle(fixture);
    http.expectNone({ method: 'POST' });
    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).flush(created);
    await settle(fixture);
    expect(fixture.componentInstance.added).toEqual([created]);
  });

  it('keeps what was created when a later request fails, never creates it twice, and says what remains', async () => {
    const { fixture, root } = await render();
    fillNewInstitution(root);
    fill(root, '[name=title]', 'Secretary General');
    fillTerm(root);
    button(root, 'Add the office').click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: '/api/institutions' }).flush(theNewInstitution(), CREATED);
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: `/api/institutions/${NEW_INSTITUTION_ID}/offices` })
      .flush(anError(409, 'title_taken', [{ field: 'title', message: 'is taken' }]), { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    expect(text(root, 'fieldset[dmOfficeForm] dm-field-error')).toBe('This institution has an office with this title already.');
    expect(document.activeElement).toBe(field(root, 'title'));
    expect(text(root, '.done')).toBe('The institution Inter-American Commission on Human Rights (IACHR) has been added to the directory.');
    expect(root.querySelector<HTMLElement>('fieldset[dmInstitutionForm]')!.hidden).toBe(true);
    expect(text(root, 'p.alert[role=status]')).toBe(
      'Still to add: the office and its officeholder’s term. Correct what is marked and try again: what has been added will not be added twice.',
    );

    fill(root, '[name=title]', 'President');
    button(root, 'Add the office').click();
    await settle(fixture);
    http.expectNone({ method: 'POST', url: '/api/institutions' });
    http.expectOne({ method: 'POST', url: `/api/institutions/${NEW_INSTITUTION_ID}/offices` }).flush(theNewOffice(false), CREATED);
    await settle(fixture);
    http.expectOne({ method: 'POST', url: `/api/offices/${NEW_OFFICE_ID}/terms` }).error(new ProgressEvent('error'));
    await settle(fixture);
    expect(text(root, 'fieldset[dmTermForm] [role=alert]')).toBe('The server could not be reached. Check your connection and try again.');
    expect(text(root, 'p.alert[role=status]')).toContain('Still to add: the officeholder’s term.');
    expect([...root.querySelectorAll('.done')].map((p) => p.textContent?.trim())).toEqual([
      'The institution Inter-American Commission on Human Rights (IACHR) has been added to the directory.',
      'The office “President” has been added to the directory.',
    ]);

    button(root, 'Add the office').click();
    await settle(fixture);
    http.expectNone({ method: 'POST', url: `/api/institutions/${NEW_INSTITUTION_ID}/offices` });
    http.expectOne({ method: 'POST', url: `/api/offices/${NEW_OFFICE_ID}/terms` }).flush(theNewTerm(), CREATED);
    await settle(fixture);
    http
      .expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` })
      .flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(text(root, 'p.alert[role=status]')).toContain('Still to do: load the new office.');
    expect(text(root, '[role=alert]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
    expect(fixture.componentInstance.added).toEqual([]);

    button(root, 'Add the office').click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });
    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).flush(theNewOffice());
    await settle(fixture);
    expect(fixture.componentInstance.added).toEqual([theNewOffice()]);
  });

  it('adds on Enter in a field, without submitting the form around it', async () => {
    const { fixture, root } = await render();
    fill(root, '[name=institutionId]', OAS_ID);
    fill(root, '[name=title]', 'President');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    field(root, 'title').dispatchEvent(enter);
    await settle(fixture);
    expect(enter.defaultPrevented).toBe(true);
    http.expectOne({ method: 'POST', url: `/api/institutions/${OAS_ID}/offices` }).flush(theNewOffice(false), CREATED);
    await settle(fixture);
    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).flush(theNewOffice(false));
    await settle(fixture);
    expect(fixture.componentInstance.added.length).toBe(1);
    expect(fixture.componentInstance.outerSubmits).toBe(0);
  });

  it('goes straight to a new institution when the directory has none, and offers to retry a failed load', async () => {
    const empty = await render([]);
    expect(modeRadio(empty.root, 'new').checked).toBe(true);
    expect(empty.root.querySelector<HTMLElement>('fieldset[dmInstitutionForm]')!.hidden).toBe(false);
    empty.fixture.destroy();

    const { fixture, root } = await render(null);
    http.expectOne('/api/institutions?limit=200').error(new ProgressEvent('error'));
    await settle(fixture);
    expect(text(root, '[role=alert]')).toBe('The server could not be reached. Check your connection and try again.');
    button(root, 'Try again').click();
    await settle(fixture);
    expect(text(root, '[role=status]')).toBe('Loading the institutions…');
    http.expectOne('/api/institutions?limit=200').flush({ items: [anInstitution()], nextCursor: null });
    await settle(fixture);
    expect(root.querySelectorAll('select[name=institutionId] option').length).toBe(2);
  });

  it('asks nothing about the institution when it is given', async () => {
    const { fixture, root } = await render(null, anInstitution());
    http.expectNone('/api/institutions?limit=200');
    expect(root.querySelector('input[type=radio]')).toBeNull();
    fill(root, '[name=title]', 'President');
    button(root, 'Add the office').click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: `/api/institutions/${OAS_ID}/offices` }).flush(theNewOffice(false), CREATED);
    await settle(fixture);
    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).flush(theNewOffice(false));
    await settle(fixture);
    expect(fixture.componentInstance.added.length).toBe(1);

    button(root, 'Cancel').click();
    expect(fixture.componentInstance.cancels).toBe(1);
  });
});
