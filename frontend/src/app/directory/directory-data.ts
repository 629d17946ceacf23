import { termsOverlap, type TermDays } from '@demarche/shared';

import type { components } from '../core/api/schema.generated';
import type { Check } from '../core/forms/checks';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';

/**
 * Types and rules of the shared directory — institutions, their offices and who held each office
 * when (issue 19 §3) — for its own pages and for the set-up's "add an addressee". No Angular here:
 * directory-data.spec.ts tests them alone.
 */

export type Institution = components['schemas']['InstitutionDto'];
export type InstitutionDetail = components['schemas']['InstitutionDetailDto'];
export type Office = components['schemas']['OfficeDto'];
export type Term = components['schemas']['TermDto'];
export type NewInstitution = components['schemas']['CreateInstitutionDto'];
export type NewOffice = components['schemas']['CreateOfficeDto'];
export type NewTerm = components['schemas']['CreateTermDto'];
export type HolderOnDay = components['schemas']['HolderOnDayDto'];

export type InstitutionField = 'name' | 'abbreviation' | 'seatTimeZone' | 'website';
export type OfficeField = 'title' | 'isCollective' | 'source';
export type TermField = 'holderName' | 'startsOn' | 'endsOn' | 'source';

/** Who may add to and correct the directory: administrators and coordinators (the API's rule). */
export function mayEditDirectory(role: string | null | undefined): boolean {
  return role === 'admin' || role === 'coordinator';
}

/** The body of `POST /api/institutions` (and of its `PATCH`): empty optional texts are "not given". */
export function institutionBody(values: Readonly<Record<InstitutionField, string>>): NewInstitution {
  return {
    name: values.name.trim(),
    abbreviation: values.abbreviation.trim() || null,
    seatTimeZone: values.seatTimeZone,
    website: values.website.trim() || null,
  };
}

/** The body of `POST /api/institutions/{id}/offices` (and of `PATCH /api/offices/{id}`). */
export function officeBody(values: Readonly<Record<OfficeField, string>>): NewOffice {
  return { title: values.title.trim(), isCollective: values.isCollective === 'true', source: values.source.trim() || null };
}

/** The body of `POST /api/offices/{id}/terms` (and of `PATCH /api/terms/{id}`): an empty date is unknown, or open. */
export function termBody(values: Readonly<Record<TermField, string>>): NewTerm {
  return {
    holderName: values.holderName.trim(),
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    source: values.source.trim() || null,
  };
}

/** Nothing typed in the term's fields: an optional term is then left out. */
export function isBlankTerm(values: Readonly<Record<TermField, string>>): boolean {
  return (Object.values(values) as string[]).every((value) => value.trim() === '');
}

/** A term's last day may not come before its first (the API's rule too). */
export function endsNotBeforeStart(text: Message): Check<TermField> {
  return { message: text, fails: (value, values) => value !== '' && values.startsOn !== '' && value < values.startsOn };
}

/**
 * The holder's name is required — unless the whole term is optional (`optional()` says so) and
 * nothing of it was typed.
 */
export function holderRequired(text: Message, optional: () => boolean): Check<TermField> {
  return { message: text, fails: (value, values) => value.trim() === '' && !(optional() && isBlankTerm(values)) };
}

/**
 * The first of `terms` (other than `exceptId`) sharing a day with `days`: whom the API names when
 * it refuses overlapping terms of an individual office (`terms_overlap`). The rule is the shared one.
 */
export function clashingTerm(days: TermDays, terms: readonly Term[], exceptId: string | null): Term | null {
  return terms.find((term) => term.id !== exceptId && termsOverlap(term, days)) ?? null;
}

/** The first term that overlaps an earlier one: why an office must stay collective. */
export function firstOverlap(terms: readonly Term[]): Term | null {
  for (let i = 1; i < terms.length; i++) {
    const term = terms[i]!;
    if (terms.slice(0, i).some((earlier) => termsOverlap(earlier, term))) return term;
  }
  return null;
}

/** A term's days in words ("1 Jan 2017 to 31 Dec 2026", "from …", "until …"); `day` formats a calendar day. */
export function termSpan(term: TermDays, day: (value: string) => string): Message {
  if (term.startsOn && term.endsOn) return message('directory.term.span.between', { start: day(term.startsOn), end: day(term.endsOn) });
  if (term.startsOn) return message('directory.term.span.from', { start: day(term.startsOn) });
  if (term.endsOn) return message('directory.term.span.until', { end: day(term.endsOn) });
  return message('directory.term.span.unknown');
}

/** Who holds the office, in a few words: the current holder (and until when), or why nobody is named. */
export function holderLine(office: Pick<Office, 'currentHolder' | 'isCollective'>, day: (value: string) => string): Message {
  const holder = office.currentHolder;
  if (holder) {
    return holder.endsOn
      ? message('directory.office.holderUntil', { name: holder.holderName, date: day(holder.endsOn) })
      : message('directory.office.holder', { name: holder.holderName });
  }
  return message(office.isCollective ? 'directory.office.collective' : 'directory.office.noHolder');
}

/** How an office reads on its own: "Institution — Office title". */
export function officeLabel(office: Pick<Office, 'institutionName' | 'title'>): string {
  return `${office.institutionName} — ${office.title}`;
}

/** An institution's name with its abbreviation, when it has one: "Organization of American States (OAS)". */
export function institutionLabel(institution: Pick<Institution, 'name' | 'abbreviation'>): string {
  return institution.abbreviation ? `${institution.name} (${institution.abbreviation})` : institution.name;
}

/** `offices` with `office` in place of the one with its id (or added), by title as the API lists them. */
export function withOffice(offices: readonly Office[], office: Office): Office[] {
  return [...offices.filter((o) => o.id !== office.id), office].sort(
    (a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * What the set-up's "add an addressee" (and an institution's "add an office") has still to do
 * after a request failed: the parts not created yet, in the order they are created.
 */
export type AddStep = 'office' | 'term' | 'load';

export interface AddProgress {
  /** An institution had to be created, and was. */
  readonly institution: boolean;
  readonly office: boolean;
  /** A term was asked for (its fields are not blank). */
  readonly termWanted: boolean;
  readonly term: boolean;
}

export function stepsLeft(progress: AddProgress): AddStep[] {
  const left: AddStep[] = [];
  if (!progress.office) left.push('office');
  if (progress.termWanted && !progress.term) left.push('term');
  left.push('load');
  return left;
}

/**
 * The sentence that says what is still to do, once something was created: null before then
 * (nothing to keep track of) — the person corrects what is marked and submits again.
 */
export function remainingKey(progress: AddProgress): TranslationKey | null {
  if (!progress.institution && !progress.office && !progress.term) return null;
  const left = stepsLeft(progress);
  if (left.includes('office')) {
    return left.includes('term') ? 'directory.add.remaining.officeAndTerm' : 'directory.add.remaining.office';
  }
  return left.includes('term') ? 'directory.add.remaining.term' : 'directory.add.remaining.load';
}
