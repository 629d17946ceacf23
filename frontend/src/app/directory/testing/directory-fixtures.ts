import type { Institution, InstitutionDetail, Office, Term } from '../directory-data';

/** Test data for the directory's specs: the Organization of American States and its Secretary General. */

export const OAS_ID = '1a000000-0000-4000-8000-0000000000a1';
export const OFFICE_ID = '0f000000-0000-4000-8000-0000000000a1';
export const TERM_ID = '7e000000-0000-4000-8000-0000000000a1';
export const EARLIER_TERM_ID = '7e000000-0000-4000-8000-0000000000a0';

export function anInstitution(overrides: Partial<Institution> = {}): Institution {
  return {
    id: OAS_ID,
    name: 'Organization of American States',
    abbreviation: 'OAS',
    seatTimeZone: 'America/New_York',
    website: 'https://www.oas.org',
    officeCount: 1,
    ...overrides,
  };
}

/** Albert Ramdin's term as Secretary General: from 26 May 2025 to 25 May 2030. */
export function aTerm(overrides: Partial<Term> = {}): Term {
  return {
    id: TERM_ID,
    holderName: 'Albert Ramdin',
    startsOn: '2025-05-26',
    endsOn: '2030-05-25',
    source: null,
    endsSoon: false,
    ...overrides,
  };
}

/** The term before it: Luis Almagro's, which ended on 25 May 2025. */
export function anEarlierTerm(overrides: Partial<Term> = {}): Term {
  return aTerm({ id: EARLIER_TERM_ID, holderName: 'Luis Almagro', startsOn: '2015-05-26', endsOn: '2025-05-25', ...overrides });
}

/** The Secretary General of the OAS, held by Albert Ramdin (and before him by Luis Almagro). */
export function anOffice(overrides: Partial<Office> = {}): Office {
  const current = aTerm();
  return {
    id: OFFICE_ID,
    institutionId: OAS_ID,
    institutionName: 'Organization of American States',
    seatTimeZone: 'America/New_York',
    title: 'Secretary General',
    isCollective: false,
    source: null,
    terms: [anEarlierTerm(), current],
    currentHolder: current,
    ...overrides,
  };
}

export function anInstitutionDetail(overrides: Partial<InstitutionDetail> = {}): InstitutionDetail {
  return { ...anInstitution(), offices: [anOffice()], ...overrides };
}
