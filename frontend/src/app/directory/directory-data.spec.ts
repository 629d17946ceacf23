import { describe, expect, it } from 'vitest';

import {
  clashingTerm,
  endsNotBeforeStart,
  firstOverlap,
  holderLine,
  holderRequired,
  institutionBody,
  institutionLabel,
  isBlankTerm,
  mayEditDirectory,
  officeBody,
  officeLabel,
  remainingKey,
  stepsLeft,
  termBody,
  termSpan,
  withOffice,
  type TermField,
} from './directory-data';
import { aTerm, anOffice } from './testing/directory-fixtures';
import { message } from '../core/forms/message';

const BLANK_TERM: Record<TermField, string> = { holderName: '', startsOn: '', endsOn: '', source: '' };
const day = (value: string) => `<${value}>`;

describe('who may edit the directory', () => {
  it('is administrators and coordinators, as the API says', () => {
    expect(mayEditDirectory('admin')).toBe(true);
    expect(mayEditDirectory('coordinator')).toBe(true);
    expect(mayEditDirectory('member')).toBe(false);
    expect(mayEditDirectory('observer')).toBe(false);
    expect(mayEditDirectory(undefined)).toBe(false);
  });
});

describe('the bodies sent to the API', () => {
  it('trims an institution’s texts and sends empty optional ones as not given', () => {
    expect(
      institutionBody({ name: '  Organization of American States ', abbreviation: ' ', seatTimeZone: 'America/New_York', website: '' }),
    ).toEqual({ name: 'Organization of American States', abbreviation: null, seatTimeZone: 'America/New_York', website: null });
    expect(
      institutionBody({ name: 'OAS', abbreviation: ' OAS ', seatTimeZone: 'America/New_York', website: ' https://www.oas.org ' }),
    ).toMatchObject({ abbreviation: 'OAS', website: 'https://www.oas.org' });
  });

  it('sends an office as collective only when ticked', () => {
    expect(officeBody({ title: ' Secretary General ', isCollective: '', source: '' })).toEqual({
      title: 'Secretary General',
      isCollective: false,
      source: null,
    });
    expect(officeBody({ title: 'Members', isCollective: 'true', source: ' the letter ' })).toEqual({
      title: 'Members',
      isCollective: true,
      source: 'the letter',
    });
  });

  it('sends a term’s empty dates as unknown (null)', () => {
    expect(termBody({ holderName: ' Albert Ramdin ', startsOn: '2025-05-26', endsOn: '', source: ' ' })).toEqual({
      holderName: 'Albert Ramdin',
      startsOn: '2025-05-26',
      endsOn: null,
      source: null,
    });
  });
});

describe('the term form’s rules', () => {
  it('refuses a last day before the first, and lets either be unknown', () => {
    const check = endsNotBeforeStart(message('directory.term.endsOn.beforeStart'));
    const values = (startsOn: string, endsOn: string) => ({ ...BLANK_TERM, startsOn, endsOn });
    expect(check.fails('2025-01-01', values('2025-01-02', '2025-01-01'))).toBe(true);
    expect(check.fails('2025-01-02', values('2025-01-02', '2025-01-02'))).toBe(false);
    expect(check.fails('', values('2025-01-02', ''))).toBe(false);
    expect(check.fails('2025-01-01', values('', '2025-01-01'))).toBe(false);
  });

  it('requires the holder’s name, unless an optional term is left wholly blank', () => {
    let optional = false;
    const check = holderRequired(message('directory.term.holderName.required'), () => optional);
    expect(check.fails('', BLANK_TERM)).toBe(true);
    optional = true;
    expect(isBlankTerm(BLANK_TERM)).toBe(true);
    expect(check.fails('', BLANK_TERM)).toBe(false);
    expect(check.fails('', { ...BLANK_TERM, endsOn: '2030-01-01' })).toBe(true);
    expect(check.fails(' ', { ...BLANK_TERM, holderName: ' ' })).toBe(false);
    expect(check.fails('Ana', { ...BLANK_TERM, holderName: 'Ana' })).toBe(false);
  });
});

describe('overlapping terms', () => {
  const first = aTerm({ id: 't1', holderName: 'Luis Almagro', startsOn: '2015-05-26', endsOn: '2025-05-25' });
  const second = aTerm({ id: 't2', holderName: 'Albert Ramdin', startsOn: '2025-05-26', endsOn: null });

  it('names the term that a new or changed one shares a day with, never the term itself', () => {
    expect(clashingTerm({ startsOn: '2025-05-25', endsOn: null }, [first, second], null)).toBe(first);
    expect(clashingTerm({ startsOn: '2030-01-01', endsOn: null }, [first, second], null)).toBe(second);
    expect(clashingTerm({ startsOn: '2025-05-26', endsOn: '2026-01-01' }, [first, second], 't2')).toBeNull();
    expect(clashingTerm({ startsOn: null, endsOn: '2014-01-01' }, [first, second], null)).toBeNull();
    // An unknown start reaches back indefinitely.
    expect(clashingTerm({ startsOn: null, endsOn: '2016-01-01' }, [first, second], null)).toBe(first);
  });

  it('finds the first term that overlaps an earlier one (why an office must stay collective)', () => {
    expect(firstOverlap([first, second])).toBeNull();
    const third = aTerm({ id: 't3', holderName: 'Someone', startsOn: '2020-01-01', endsOn: '2020-12-31' });
    expect(firstOverlap([first, third, second])).toBe(third);
    expect(firstOverlap([])).toBeNull();
  });
});

describe('offices and terms in words', () => {
  it('says a term’s days, whichever are known', () => {
    expect(termSpan({ startsOn: '2017-01-01', endsOn: '2026-12-31' }, day)).toEqual({
      key: 'directory.term.span.between',
      params: { start: '<2017-01-01>', end: '<2026-12-31>' },
    });
    expect(termSpan({ startsOn: '2017-01-01', endsOn: null }, day)).toEqual({
      key: 'directory.term.span.from',
      params: { start: '<2017-01-01>' },
    });
    expect(termSpan({ startsOn: null, endsOn: '2026-12-31' }, day)).toEqual({
      key: 'directory.term.span.until',
      params: { end: '<2026-12-31>' },
    });
    expect(termSpan({ startsOn: null, endsOn: null }, day)).toEqual({ key: 'directory.term.span.unknown' });
  });

  it('says who holds an office, until when, or why nobody is named', () => {
    expect(holderLine(anOffice(), day)).toEqual({
      key: 'directory.office.holderUntil',
      params: { name: 'Albert Ramdin', date: '<2030-05-25>' },
    });
    const open = aTerm({ endsOn: null });
    expect(holderLine(anOffice({ currentHolder: open }), day)).toEqual({
      key: 'directory.office.holder',
      params: { name: 'Albert Ramdin' },
    });
    expect(holderLine(anOffice({ currentHolder: null }), day)).toEqual({ key: 'directory.office.noHolder' });
    expect(holderLine(anOffice({ currentHolder: null, isCollective: true }), day)).toEqual({ key: 'directory.office.collective' });
  });

  it('names offices and institutions', () => {
    expect(officeLabel(anOffice())).toBe('Organization of American States — Secretary General');
    expect(institutionLabel({ name: 'Organization of American States', abbreviation: 'OAS' })).toBe(
      'Organization of American States (OAS)',
    );
    expect(institutionLabel({ name: 'Inter-American Commission', abbreviation: null })).toBe('Inter-American Commission');
  });

  it('keeps an institution’s offices by title when one is added or renamed', () => {
    const a = anOffice({ id: 'a', title: 'Assistant Secretary General' });
    const s = anOffice({ id: 's', title: 'Secretary General' });
    const added = anOffice({ id: 'p', title: 'Permanent Council' });
    expect(withOffice([a, s], added).map((o) => o.id)).toEqual(['a', 'p', 's']);
    expect(withOffice([a, s], { ...a, title: 'Zeta' }).map((o) => o.title)).toEqual(['Secretary General', 'Zeta']);
  });
});

describe('what is left to add after a failure', () => {
  it('lists the parts not created yet, then loading the office', () => {
    expect(stepsLeft({ institution: true, office: false, termWanted: true, term: false })).toEqual(['office', 'term', 'load']);
    expect(stepsLeft({ institution: false, office: true, termWanted: true, term: false })).toEqual(['term', 'load']);
    expect(stepsLeft({ institution: false, office: true, termWanted: false, term: false })).toEqual(['load']);
  });

  it('says nothing until something was created, then what remains', () => {
    expect(remainingKey({ institution: false, office: false, termWanted: true, term: false })).toBeNull();
    expect(remainingKey({ institution: true, office: false, termWanted: false, term: false })).toBe('directory.add.remaining.office');
    expect(remainingKey({ institution: true, office: false, termWanted: true, term: false })).toBe('directory.add.remaining.officeAndTerm');
    expect(remainingKey({ institution: false, office: true, termWanted: true, term: false })).toBe('directory.add.remaining.term');
    expect(remainingKey({ institution: false, office: true, termWanted: true, term: true })).toBe('directory.add.remaining.load');
  });
});
