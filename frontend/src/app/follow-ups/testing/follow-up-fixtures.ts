import type { FollowUp } from '../follow-up-data';

/** A follow-up as the API returns it: open, not overdue, due 1 Dec 2026 09:00 in New York. */
export function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'f0000000-0000-4000-8000-000000000001',
    campaignId: 'c0000000-0000-4000-8000-000000000001',
    campaignTitle: 'Stop the transfers to CECOT',
    organizationId: 'b0e3c0a4-1111-4c2d-8e0f-000000000001',
    organizationName: 'Centro de Derechos',
    assigneeId: null,
    assigneeName: null,
    demandId: null,
    responseId: null,
    title: 'Brief the mission',
    details: 'Two pages.',
    dueAt: '2026-12-01T14:00:00.000Z',
    dueTimeZone: 'America/New_York',
    status: 'open',
    overdue: false,
    completionNote: null,
    completedAt: null,
    isExample: false,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}
