import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import type { Institution, Office, Term } from './directory-data';
import { InstitutionForm } from './institution-form';
import { OfficeForm } from './office-form';
import { TermForm } from './term-form';
import { OAS_ID, OFFICE_ID, TERM_ID, aTerm, anEarlierTerm, anInstitution, anOffice } from './testing/directory-fixtures';

/** The three forms on their own, as the directory's pages use them. */
@Component({
  imports: [InstitutionForm, OfficeForm, TermForm],
  template: `
    @switch (show()) {
      @case ('institution') {
        <form dmInstitutionForm [institution]="institution()" (saved)="saved.push($event)" (cancelled)="cancels = cancels + 1"></form>
      }
      @case ('office') {
        <form dmOfficeForm [office]="office()" (saved)="saved.push($event)"></form>
      }
      @case ('term') {
        <form dmTermForm [term]="term()" [officeId]="officeId" [terms]="terms()" (saved)="saved.push($event)"></form>
      }
    }
  `,
})
class Host {
  readonly show = signal<'institution' | 'office' | 'term'>('institution');
  readonly institution = signal<Institution | null>(null);
  readonly office = signal<Office | null>(null);
  readonly term = signal<Term | null>(null);
  readonly terms = signal<readonly Term[]>([]);
  readonly officeId = OFFICE_ID;
  readonly saved: unknown[] = [];
  cancels = 0;
}

const CONFLICT = { status: 409, statusText: 'Conflict' };

describe('the directory’s forms', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([]);
    await TestBed.inject(Session).start({ user: aUser({ role: 'coordinator' }), csrfToken: 'csrf-1' });
  });
  afterEach(tearDownPageSpec);

  async function render(setUp: (host: Host) => void) {
    const fixture = TestBed.createComponent(Host);
    setUp(fixture.componentInstance);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    return { fixture, root, host: fixture.componentInstance };
  }

  describe('an institution', () => {
    it('adds one, with its website, and starts at its name', async () => {
      const { fixture, root, host } = await render(() => undefined);
      expect(document.activeElement).toBe(query(root, '[name=name]'));
      expect(query(root, 'form').hasAttribute('novalidate')).toBe(true);
      fill(root, '[name=name]', 'Inter-American Commission on Human Rights');
      fill(root, '[name=seatTimeZone]', 'America/New_York');
      fill(root, '[name=website]', ' https://www.oas.org/en/iachr/ ');
      button(root, 'Add the institution').click();
      await settle(fixture);
      const created = http.expectOne({ method: 'POST', url: '/api/institutions' });
      expect(created.request.body).toEqual({
        name: 'Inter-American Commission on Human Rights',
        abbreviation: null,
        seatTimeZone: 'America/New_York',
        website: 'https://www.oas.org/en/iachr/',
      });
      created.flush(anInstitution(), { status: 201, statusText: 'Created' });
      await settle(fixture);
      expect(host.saved).toEqual([anInstitution()]);
    });

    it('edits one, and says at its name that the name is taken', async () => {
      const { fixture, root, host } = await render((h) => h.institution.set(anInstitution()));
      expect(query<HTMLInputElement>(root, '[name=name]').value).toBe('Organization of American States');
      expect(query<HTMLSelectElement>(root, '[name=seatTimeZone]').value).toBe('America/New_York');
      fill(root, '[name=name]', 'United Nations');
      button(root, 'Save').click();
      await settle(fixture);
      const saved = http.expectOne({ method: 'PATCH', url: `/api/institutions/${OAS_ID}` });
      expect(saved.request.body).toMatchObject({ name: 'United Nations', abbreviation: 'OAS', website: 'https://www.oas.org' });
      saved.flush(anError(409, 'name_taken', [{ field: 'name', message: 'is taken' }]), CONFLICT);
      await settle(fixture);
      expect(text(root, 'dm-field-error')).toBe('An institution with this name is in the directory already: choose it instead.');
      expect(query(root, '[name=name]').getAttribute('aria-describedby')).toContain('-name-error');
      expect(host.saved).toEqual([]);

      button(root, 'Save').click();
      await settle(fixture);
      http.expectOne({ method: 'PATCH' }).flush(anError(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });
      await settle(fixture);
      expect(text(root, '[role=alert]')).toBe('Only coordinators and administrators can change the directory.');

      button(root, 'Cancel').click();
      expect(host.cancels).toBe(1);
    });
  });

  describe('an office', () => {
    it('edits its title and source, and names the overlapping terms when it may not stop being collective', async () => {
      const overlapping = aTerm({ id: 'x', holderName: 'Member B', startsOn: '2026-01-01', endsOn: '2028-12-31' });
      const council = anOffice({ isCollective: true, terms: [aTerm({ holderName: 'Member A' }), overlapping] });
      const { fixture, root, host } = await render((h) => {
        h.show.set('office');
        h.office.set(council);
      });
      const collective = query<HTMLInputElement>(root, '[name=isCollective]');
      expect(collective.checked).toBe(true);
      collective.click();
      fill(root, '[name=source]', 'OAS website');
      button(root, 'Save').click();
      await settle(fixture);
      const saved = http.expectOne({ method: 'PATCH', url: `/api/offices/${OFFICE_ID}` });
      expect(saved.request.body).toEqual({ title: 'Secretary General', isCollective: false, source: 'OAS website' });
      saved.flush(anError(409, 'terms_overlap', [{ field: 'isCollective', message: 'overlaps the term of Member B' }]), CONFLICT);
      await settle(fixture);
      expect(text(root, 'dm-field-error')).toBe(
        'Some of its terms overlap, such as that of Member B (Jan 1, 2026 to Dec 31, 2028): it must stay collective until those terms are corrected.',
      );
      expect(collective.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(collective);

      collective.click();
      button(root, 'Save').click();
      await settle(fixture);
      http.expectOne({ method: 'PATCH' }).flush(council);
      await settle(fixture);
      expect(host.saved).toEqual([council]);
    });
  });

  describe('an officeholder’s term', () => {
    it('adds one to the office, and names at the first day the term it overlaps', async () => {
      const { fixture, root, host } = await render((h) => {
        h.show.set('term');
        h.terms.set([anEarlierTerm(), aTerm()]);
      });
      button(root, 'Add the term').click();
      await settle(fixture);
      expect(text(root, 'dm-field-error')).toBe('Give the officeholder’s name, or leave the dates empty too.');
      http.expectNone({ method: 'POST' });

      fill(root, '[name=holderName]', 'Francisco Guerrero');
      fill(root, '[name=startsOn]', '2025-01-01');
      fill(root, '[name=endsOn]', '2025-05-31');
      button(root, 'Add the term').click();
      await settle(fixture);
      const created = http.expectOne({ method: 'POST', url: `/api/offices/${OFFICE_ID}/terms` });
      expect(created.request.body).toEqual({
        holderName: 'Francisco Guerrero',
        startsOn: '2025-01-01',
        endsOn: '2025-05-31',
        source: null,
      });
      created.flush(
        anError(409, 'terms_overlap', [{ field: 'startsOn', message: 'overlaps the term of Luis Almagro (2015-05-26 to 2025-05-25)' }]),
        CONFLICT,
      );
      await settle(fixture);
      expect(text(root, 'dm-field-error')).toBe(
        'These dates overlap the term of Luis Almagro (May 26, 2015 to May 25, 2025). Only a collective body may have overlapping terms: correct the dates, or the other term first.',
      );
      const start = query(root, '[name=startsOn]');
      expect(start.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(start);
      expect(host.saved).toEqual([]);
    });

    it('shows the API’s own words at the first day when the term it overlaps is not on the page', async () => {
      const { fixture, root } = await render((h) => h.show.set('term'));
      fill(root, '[name=holderName]', 'Francisco Guerrero');
      fill(root, '[name=startsOn]', '2025-01-01');
      button(root, 'Add the term').click();
      await settle(fixture);
      http
        .expectOne({ method: 'POST' })
        .flush(
          anError(409, 'terms_overlap', [{ field: 'startsOn', message: 'overlaps the term of Someone Else (2024-01-01 to an open end)' }]),
          CONFLICT,
        );
      await settle(fixture);
      expect(text(root, 'dm-field-error')).toBe('Not accepted: overlaps the term of Someone Else (2024-01-01 to an open end).');
    });

    it('edits one, warning that deadlines follow its end, and refuses a last day before the first', async () => {
      const { fixture, root, host } = await render((h) => {
        h.show.set('term');
        h.term.set(aTerm());
        h.terms.set([anEarlierTerm(), aTerm()]);
      });
      expect(query<HTMLInputElement>(root, '[name=startsOn]').value).toBe('2025-05-26');
      expect(text(root, 'form')).toContain(
        'Changing the last day also moves the deadline of every demand that follows the end of this term.',
      );
      fill(root, '[name=endsOn]', '2025-01-01');
      button(root, 'Save').click();
      await settle(fixture);
      expect(text(root, 'dm-field-error')).toBe('The last day cannot come before the first day.');
      http.expectNone({ method: 'PATCH' });

      fill(root, '[name=endsOn]', '');
      button(root, 'Save').click();
      await settle(fixture);
      const saved = http.expectOne({ method: 'PATCH', url: `/api/terms/${TERM_ID}` });
      expect(saved.request.body).toEqual({ holderName: 'Albert Ramdin', startsOn: '2025-05-26', endsOn: null, source: null });
      saved.flush(aTerm({ endsOn: null }));
      await settle(fixture);
      expect(host.saved).toEqual([aTerm({ endsOn: null })]);
    });
  });
});
