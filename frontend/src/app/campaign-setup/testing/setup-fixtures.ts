import type { Campaign, Demand, Milestone, Office, SendPreview } from '../setup-data';

/** Test data for the set-up specs: a draft of the founding letter, two offices of the directory. */

export const DRAFT_ID = 'c0000000-0000-4000-8000-0000000000d1';
export const SG_OFFICE_ID = '0f000000-0000-4000-8000-000000000001';
export const HC_OFFICE_ID = '0f000000-0000-4000-8000-000000000002';
export const SG_TERM_ID = '7e000000-0000-4000-8000-000000000001';

/** A draft campaign, as its lead organization's coordinator sees it. */
export function aDraft(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: DRAFT_ID,
    title: 'Access for independent monitors',
    summary: '',
    letterText: '',
    letterDate: null,
    letterLanguage: null,
    status: 'draft',
    nextStatuses: ['active', 'archived'],
    isExample: false,
    createdAt: '2026-11-20T12:00:00.000Z',
    updatedAt: '2026-11-20T12:00:00.000Z',
    organizations: [{ id: 'b0e3c0a4-1111-4c2d-8e0f-000000000001', name: 'Centro de Derechos', role: 'lead', isExample: false }],
    access: { organizationRole: 'lead', canCoordinate: true, canContribute: true },
    reminderPolicy: {
      daysBefore: [7, 2, 1],
      localTime: '09:00',
      atDue: true,
      overdueEveryDays: 7,
      overdueForDays: 28,
      escalateAfterDays: 14,
    },
    customReminderPolicy: false,
    invitations: [],
    ...overrides,
  };
}

/** The Secretary-General, whose holder's term ends on 31 December 2026. */
export function theSecretaryGeneral(overrides: Partial<Office> = {}): Office {
  const term = {
    id: SG_TERM_ID,
    holderName: 'António Guterres',
    startsOn: '2017-01-01',
    endsOn: '2026-12-31',
    source: null,
    endsSoon: true,
  };
  return {
    id: SG_OFFICE_ID,
    institutionId: '1a000000-0000-4000-8000-000000000001',
    institutionName: 'United Nations Secretariat',
    seatTimeZone: 'America/New_York',
    title: 'Secretary-General of the United Nations',
    isCollective: false,
    source: null,
    terms: [term],
    currentHolder: term,
    ...overrides,
  };
}

/** The High Commissioner for Human Rights, whose holder's term has no known end. */
export function theHighCommissioner(overrides: Partial<Office> = {}): Office {
  const term = {
    id: '7e000000-0000-4000-8000-000000000002',
    holderName: 'Volker Türk',
    startsOn: '2022-10-17',
    endsOn: null,
    source: null,
    endsSoon: false,
  };
  return {
    id: HC_OFFICE_ID,
    institutionId: '1a000000-0000-4000-8000-000000000002',
    institutionName: 'Office of the UN High Commissioner for Human Rights',
    seatTimeZone: 'Europe/Zurich',
    title: 'United Nations High Commissioner for Human Rights',
    isCollective: false,
    source: null,
    terms: [term],
    currentHolder: term,
    ...overrides,
  };
}

/** The office of a demand, as the demand list gives it. */
export function demandOffice(office: Office): Demand['office'] {
  const holder = office.currentHolder;
  return {
    id: office.id,
    title: office.title,
    isCollective: office.isCollective,
    institutionId: office.institutionId,
    institutionName: office.institutionName,
    seatTimeZone: office.seatTimeZone,
    currentHolder: holder ? { name: holder.holderName, startsOn: holder.startsOn, endsOn: holder.endsOn, endsSoon: holder.endsSoon } : null,
  };
}

/** A draft demand to the Secretary-General, without a deadline. */
export function aDraftDemand(overrides: Partial<Demand> = {}): Demand {
  return {
    id: 'd0000000-0000-4000-8000-0000000000a1',
    campaignId: DRAFT_ID,
    reference: null,
    position: 0,
    text: 'publicly addressing the violations at CECOT',
    category: 'statement',
    priority: 'normal',
    status: 'draft',
    nextStatuses: ['sent'],
    sentAt: null,
    deadline: null,
    office: demandOffice(theSecretaryGeneral()),
    notes: null,
    createdAt: '2026-11-20T12:00:00.000Z',
    updatedAt: '2026-11-20T12:00:00.000Z',
    ...overrides,
  };
}

export function aMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: '5e000000-0000-4000-8000-000000000001',
    campaignId: DRAFT_ID,
    reference: null,
    title: 'Human Rights Council, 59th session',
    kind: 'deadline',
    occursOn: '2027-06-16',
    timeZone: 'Europe/Zurich',
    source: null,
    demandCount: 0,
    ...overrides,
  };
}

/** What `GET …/send-preview` answers for a draft that can be sent. */
export function aPreview(overrides: Partial<SendPreview> = {}): SendPreview {
  return { letterDate: '2026-11-19', demands: 2, offices: 2, withDeadline: 1, pastDeadline: [], blockers: [], ...overrides };
}

/** The organization of `aUser()` and lead of `aDraft()`. */
export const OWN_ORGANIZATION_ID = 'b0e3c0a4-1111-4c2d-8e0f-000000000001';
export const AMNESTY_ID = '0a000000-0000-4000-8000-000000000001';
export const CELS_ID = '0a000000-0000-4000-8000-000000000002';

/** An organization of a campaign's coalition: Amnesty International, a signatory. */
export function aCoalitionMember(overrides: Partial<Campaign['organizations'][number]> = {}): Campaign['organizations'][number] {
  return { id: AMNESTY_ID, name: 'Amnesty International', role: 'signatory', isExample: false, ...overrides };
}

/** An organization invited to a campaign that has not answered: CELS, as a signatory. */
export function anInvitedOrganization(overrides: Partial<Campaign['invitations'][number]> = {}): Campaign['invitations'][number] {
  return {
    organizationId: CELS_ID,
    name: 'Centro de Estudios Legales y Sociales',
    role: 'signatory',
    status: 'invited',
    invitedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}
