import type { Campaign, DemandDetail, DemandSummary, InstitutionResponse } from '../demand-types';

/** Ids the demand specs share. */
export const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
export const UN_ID = '10000000-0000-4000-8000-000000000001';
export const OAS_ID = '10000000-0000-4000-8000-000000000002';

/** A campaign as `GET /api/campaigns/{id}` describes it, to a coordinator of a lead organization by default. */
export function aCampaign(access: Partial<Campaign['access']> = {}): Campaign {
  return {
    id: CAMPAIGN_ID,
    title: 'CECOT letter',
    summary: '',
    letterText: '',
    letterDate: '2025-04-29',
    letterLanguage: 'en',
    status: 'active',
    nextStatuses: ['concluded'],
    isExample: false,
    createdAt: '2025-04-29T12:00:00.000Z',
    updatedAt: '2025-04-29T12:00:00.000Z',
    organizations: [],
    access: { organizationRole: 'lead', canCoordinate: true, canContribute: true, ...access },
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
  };
}

/** A demand as the campaign's demand list gives it: sent to the UN Secretary-General. */
export function aDemand(overrides: Partial<DemandSummary> = {}): DemandSummary {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    campaignId: CAMPAIGN_ID,
    reference: 'sg-special-envoy',
    position: 0,
    text: 'appointing a Special Envoy with unimpeded access to CECOT',
    category: 'investigation',
    priority: 'high',
    status: 'sent',
    nextStatuses: ['acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn'],
    sentAt: '2025-04-29T04:00:00.000Z',
    deadline: null,
    office: {
      id: 'o0000000-0000-4000-8000-000000000001',
      title: 'Secretary-General',
      isCollective: false,
      institutionId: UN_ID,
      institutionName: 'United Nations',
      seatTimeZone: 'America/New_York',
      currentHolder: { name: 'António Guterres', startsOn: '2017-01-01', endsOn: null, endsSoon: false },
    },
    notes: null,
    createdAt: '2025-04-29T04:00:00.000Z',
    updatedAt: '2025-04-29T04:00:00.000Z',
    ...overrides,
  };
}

/** The same demand as `GET /api/demands/{id}` answers, with its history. */
export function aDemandDetail(overrides: Partial<DemandDetail> = {}): DemandDetail {
  return {
    ...aDemand(),
    history: [
      {
        fromStatus: 'draft',
        toStatus: 'sent',
        note: 'Letter delivered by e-mail.',
        systemNote: null,
        actorId: null,
        actorName: null,
        changedAt: '2025-04-29T04:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function aResponse(overrides: Partial<InstitutionResponse> = {}): InstitutionResponse {
  return {
    id: 'r0000000-0000-4000-8000-000000000001',
    campaignId: CAMPAIGN_ID,
    institutionId: UN_ID,
    institutionName: 'United Nations',
    receivedOn: '2025-05-02',
    channel: 'letter',
    summary: 'The Secretary-General acknowledged the letter.',
    sourceUrl: 'https://example.org/answer',
    assessment: 'non_committal',
    demands: [{ id: aDemand().id, text: aDemand().text, status: 'acknowledged', officeTitle: 'Secretary-General' }],
    loggedById: null,
    loggedByName: 'Ana Pérez',
    createdAt: '2025-05-03T15:00:00.000Z',
    updatedAt: '2025-05-03T15:00:00.000Z',
    ...overrides,
  };
}
