/**
 * The domain vocabulary of Demarche (DESIGN.md, "Domain model"). These string values are stored in
 * PostgreSQL and travel in the API: they are a contract. Add values; never rename one.
 */

export const ROLES = ['admin', 'coordinator', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'concluded', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** How an organization takes part in a campaign. A lead organization is always also a signatory. */
export const CAMPAIGN_ROLES = ['lead', 'signatory'] as const;
export type CampaignRole = (typeof CAMPAIGN_ROLES)[number];

export const DEMAND_CATEGORIES = [
  'statement',
  'investigation',
  'meeting',
  'session_agenda',
  'resolution',
  'disclosure',
  'cessation',
  'return',
  'sanctions',
  'other',
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

export const DEMAND_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type DemandPriority = (typeof DEMAND_PRIORITIES)[number];

export const RESPONSE_CHANNELS = ['letter', 'email', 'meeting', 'public_statement', 'session_record', 'other'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

export const RESPONSE_ASSESSMENTS = ['positive', 'partial', 'negative', 'non_committal'] as const;
export type ResponseAssessment = (typeof RESPONSE_ASSESSMENTS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * A follow-up still to do: it can be overdue, is reminded of and escalated. SQL reads the same
 * list (`sqlList(OPEN_FOLLOW_UP_STATUSES)` in the backend), never a copy of it.
 */
export const OPEN_FOLLOW_UP_STATUSES = ['open', 'in_progress'] as const satisfies readonly FollowUpStatus[];

export function isFollowUpOpen(status: string): boolean {
  return (OPEN_FOLLOW_UP_STATUSES as readonly string[]).includes(status);
}

/** `context`: background; `campaign`: something the coalition did; `deadline`: a date an ask is tied to. */
export const MILESTONE_KINDS = ['context', 'campaign', 'deadline'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const ORGANIZATION_KINDS = ['ngo', 'legal_clinic', 'academic', 'network', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Narrows an unknown string to a member of one of the lists above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * How a campaign's status may move. A concluded campaign can be reopened; an archived one only
 * brought back to concluded (it was finished when it was archived).
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['active', 'archived'],
  active: ['concluded', 'archived'],
  concluded: ['active', 'archived'],
  archived: ['concluded'],
};
