import type { Campaign, CampaignSummary, Dashboard, ScorecardDemand, TimelineEntry } from './campaign-data';

/** Test data for the campaigns specs: the founding campaign, cut down to two offices. */

export const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
export const UNSG_INSTITUTION = 'i0000000-0000-4000-8000-000000000001';

const NO_STATUSES = {
  draft: 0,
  sent: 0,
  acknowledged: 0,
  under_consideration: 0,
  partially_met: 0,
  met: 0,
  rejected: 0,
  no_response: 0,
  withdrawn: 0,
};

export function aCampaignSummary(overrides: Partial<CampaignSummary> = {}): CampaignSummary {
  return {
    id: CAMPAIGN_ID,
    title: 'Stop the transfers to CECOT',
    status: 'active',
    letterDate: '2025-04-29',
    isExample: true,
    myRole: 'lead',
    createdAt: '2025-04-29T12:00:00.000Z',
    counts: {
      demands: 35,
      demandsByStatus: { ...NO_STATUSES, sent: 33, acknowledged: 2 },
      responses: 1,
      openFollowUps: 4,
      overdueFollowUps: 1,
    },
    ...overrides,
  };
}

export function aCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: CAMPAIGN_ID,
    title: 'Stop the transfers to CECOT',
    summary: 'Urgent appeal on the transfers of people from the United States to El Salvador.',
    letterText: '…',
    letterDate: '2025-04-29',
    letterLanguage: 'en',
    status: 'active',
    nextStatuses: ['concluded'],
    isExample: true,
    createdAt: '2025-04-29T12:00:00.000Z',
    updatedAt: '2025-04-29T12:00:00.000Z',
    organizations: [
      { id: 'o1', name: 'Center for Constitutional Rights', role: 'lead', isExample: false },
      { id: 'o2', name: 'Movement Law Lab', role: 'lead', isExample: false },
    ],
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

export function aDemand(overrides: Partial<ScorecardDemand> = {}): ScorecardDemand {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    reference: null,
    text: 'publicly addressing the alarming international legal and human rights violations',
    category: 'statement',
    status: 'sent',
    daysSinceSent: 12,
    deadline: null,
    overdue: false,
    lastResponse: null,
    ...overrides,
  };
}

export function aDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    asOf: '2025-05-11T15:00:00.000Z',
    scorecard: [
      {
        officeId: 'f0000000-0000-4000-8000-000000000001',
        officeTitle: 'Secretary-General of the United Nations',
        isCollective: false,
        institutionId: UNSG_INSTITUTION,
        institutionName: 'United Nations Secretariat',
        currentHolder: { name: 'António Guterres', startsOn: '2017-01-01', endsOn: null, endsSoon: false },
        demands: [
          aDemand(),
          aDemand({
            id: 'd0000000-0000-4000-8000-000000000002',
            text: 'the facilitation of a country visit to El Salvador',
            status: 'acknowledged',
            lastResponse: { id: 'r1', receivedOn: '2025-05-02', assessment: 'non_committal' },
          }),
        ],
      },
      {
        officeId: 'f0000000-0000-4000-8000-000000000002',
        officeTitle: 'President of the United Nations Security Council',
        isCollective: false,
        institutionId: 'i0000000-0000-4000-8000-000000000002',
        institutionName: 'United Nations Security Council',
        currentHolder: null,
        demands: [
          aDemand({
            id: 'd0000000-0000-4000-8000-000000000003',
            text: 'urgently call an emergency meeting',
            status: 'no_response',
            overdue: true,
            deadline: {
              at: '2025-05-01T03:59:00.000Z',
              timeZone: 'America/New_York',
              follows: 'milestone',
              milestoneId: 'm1',
              milestoneTitle: 'End of the April 2025 Security Council presidency',
              termId: null,
            },
          }),
        ],
      },
    ],
    countsByStatus: { ...NO_STATUSES, sent: 1, acknowledged: 1, no_response: 1 },
    responseRates: [{ institutionId: UNSG_INSTITUTION, institutionName: 'United Nations Secretariat', demands: 2, answered: 1, rate: 0.5 }],
    overdueFollowUps: [{ organizationId: 'o1', organizationName: 'Center for Constitutional Rights', overdue: 2 }],
    overdueDemands: 1,
    next14Days: [
      {
        kind: 'follow_up',
        id: 'u1',
        title: 'Call the Geneva mission',
        at: '2025-05-15T21:00:00.000Z',
        timeZone: 'America/New_York',
        organizationName: 'Movement Law Lab',
      },
    ],
    milestones: [
      {
        id: 'm1',
        campaignId: CAMPAIGN_ID,
        reference: null,
        title: 'End of the April 2025 Security Council presidency',
        kind: 'deadline',
        occursOn: '2025-04-30',
        timeZone: 'America/New_York',
        source: 'letter',
        demandCount: 1,
      },
      {
        id: 'm2',
        campaignId: CAMPAIGN_ID,
        reference: null,
        title: 'Human Rights Council 59th regular session opens',
        kind: 'deadline',
        occursOn: '2025-06-16',
        timeZone: 'Europe/Zurich',
        source: null,
        demandCount: 4,
      },
    ],
    latestTimeline: [
      anEntry({
        id: '2',
        action: 'demand.status_changed',
        subjectId: 'd0000000-0000-4000-8000-000000000002',
        actorName: 'Ana Pérez',
        before: { status: 'sent' },
        after: { status: 'acknowledged', note: 'Receipt confirmed by e-mail' },
      }),
    ],
    ...overrides,
  };
}

export function anEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: '1',
    action: 'campaign.created',
    subjectType: overrides.action?.startsWith('demand.') ? 'demand' : 'campaign',
    subjectId: CAMPAIGN_ID,
    actorId: null,
    actorName: null,
    before: null,
    after: null,
    occurredAt: '2025-04-29T16:00:00.000Z',
    ...overrides,
  };
}
