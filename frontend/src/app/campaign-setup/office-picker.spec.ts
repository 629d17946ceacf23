import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session, type Me } from '../core/session/session';
import { OAS_ID, aTerm, anInstitution, anOffice } from '../directory/testing/directory-fixtures';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { OfficePicker } from './office-picker';
import type { Office } from './setup-data';

const NEW_OFFICE_ID = '0f000000-0000-4000-8000-0000000000c1';

/** As the demand form holds it: the picker in a form, the office chosen kept outside. */
@Component({
  imports: [OfficePicker],
  template: `
    <form (submit)="$event.preventDefault(); submits = submits + 1">
      <label for="demand-office">Addressee</label>
      <dm-office-picker inputId="demand-office" [office]="office()" (officeChange)="office.set($event)" />
    </form>
  `,
})
class Host {
  readonly office = signal<Office | null>(null);
  submits = 0;
}

/** The new office as `GET /api/offices/{id}` answers it: with the term just added as its current holder. */
const holder = aTerm({ id: '7e000000-0000-4000-8000-0000000000c1', holderName: 'Laura Gil', startsOn: '2025-06-01', endsOn: '2030-05-31' });
const theNewOffice = (overrides: Partial<Office> = {}) =>
  anOffice({ id: NEW_OFFICE_ID, title: 'Assistant Secretary General', terms: [holder], currentHolder: holder, ...overrides });

describe('OfficePicker: adding an addressee missing from the directory', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([]);
  });
  afterEach(tearDownPageSpec);

  async function render(user: Partial<Me> = { role: 'coordinator' }) {
    await TestBed.inject(Session).start({ user: aUser(user), csrfToken: 'csrf-1' });
    const fixture = TestBed.createComponent(Host);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    return { fixture, root };
  }

  const toggle = (root: HTMLElement) => button(root, 'Not in the directory? Add it');

  it('adds the office with its holder’s term, then chooses it as the directory answers it, with focus back in the search', async () => {
    const { fixture, root } = await render();
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('#demand-office-add')).toBeNull();
    http.expectNone('/api/institutions?limit=200');

    toggle(root).click();
    await settle(fixture);
    expect(toggle(root).getAttribute('aria-expanded')).toBe('true');
    expect(toggle(root).getAttribute('aria-controls')).toBe('demand-office-add');
    const panel = query(root, '#demand-office-add');
    expect(text(panel, 'h4')).toBe('Add an addressee to the directory');
    expect(query(panel, '[dmAddOffice]').getAttribute('role')).toBe('group');
    expect(query(panel, '[dmAddOffice]').getAttribute('aria-labelledby')).toBe('demand-office-add-heading');
    http.expectOne('/api/institutions?limit=200').flush({ items: [anInstitution()], nextCursor: null });
    await settle(fixture);

    fill(panel, '[name=institutionId]', OAS_ID);
    fill(panel, '[name=title]', 'Assistant Secretary General');
    fill(panel, '[name=holderName]', 'Laura Gil');
    fill(panel, '[name=startsOn]', '2025-06-01');
    fill(panel, '[name=endsOn]', '2030-05-31');
    button(panel, 'Add and choose this office').click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: `/api/institutions/${OAS_ID}/offices` })
      .flush(theNewOffice({ terms: [], currentHolder: null }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne({ method: 'POST', url: `/api/offices/${NEW_OFFICE_ID}/terms` }).flush(holder, { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).flush(theNewOffice());
    await settle(fixture);

    // The office chosen carries its new term: the demand form offers "the end of the term" from it.
    expect(fixture.componentInstance.office()).toEqual(theNewOffice());
    expect(fixture.componentInstance.office()?.currentHolder?.endsOn).toBe('2030-05-31');
    expect(fixture.componentInstance.submits).toBe(0);
    expect(root.querySelector('#demand-office-add')).toBeNull();
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    const combobox = query<HTMLInputElement>(root, '#demand-office');
    expect(combobox.value).toBe('Organization of American States — Assistant Secretary General');
    expect(document.activeElement).toBe(combobox);
    expect(text(root, '.picker__status')).toBe(
      'Organization of American States — Assistant Secretary General has been added to the directory and chosen.',
    );
    expect(text(root, '.picker__chosen')).toContain('Held by Laura Gil until May 31, 2030 · seat’s time zone America/New_York');

    // Typing again undoes the choice, as after a search, and the notice goes.
    fill(root, '#demand-office', '');
    await settle(fixture);
    expect(fixture.componentInstance.office()).toBeNull();
    expect(text(root, '.picker__status')).toBe('');
  });

  it('closes on Cancel, back to its button; an office added before a failure stays in the directory', async () => {
    const { fixture, root } = await render({ role: 'admin' });
    toggle(root).click();
    await settle(fixture);
    http.expectOne('/api/institutions?limit=200').flush({ items: [anInstitution()], nextCursor: null });
    await settle(fixture);
    fill(root, '[name=institutionId]', OAS_ID);
    fill(root, '[name=title]', 'Assistant Secretary General');
    button(root, 'Add and choose this office').click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: `/api/institutions/${OAS_ID}/offices` })
      .flush(theNewOffice({ terms: [], currentHolder: null }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne({ method: 'GET', url: `/api/offices/${NEW_OFFICE_ID}` }).error(new ProgressEvent('error'));
    await settle(fixture);
    expect(text(root, '#demand-office-add p.alert[role=status]')).toContain('Still to do: load the new office.');
    expect(fixture.componentInstance.office()).toBeNull();

    button(root, 'Cancel').click();
    await settle(fixture);
    expect(root.querySelector('#demand-office-add')).toBeNull();
    expect(document.activeElement).toBe(toggle(root));
    http.expectNone({ method: 'DELETE' });
  });

  it('offers members and observers no way to add, and opens the directory in a new tab for everyone', async () => {
    const { root } = await render({ role: 'member' });
    expect([...root.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual([]);
    const link = query<HTMLAnchorElement>(root, '.picker__tools a');
    expect(link.getAttribute('href')).toBe('/directory');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text(root, '.picker__tools a')).toBe('Browse the directory (opens in a new tab)');
  });
});
