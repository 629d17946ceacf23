import type { components } from '../core/api/schema.generated';

/** What `GET /api/demands/{id}` answers: the demand, its allowed next statuses and its history. */
export type DemandDetail = components['schemas']['DemandDetailDto'];
/** A demand as campaign lists give it (with its allowed next statuses, without history). */
export type DemandSummary = components['schemas']['DemandDto'];
export type DemandStatus = DemandDetail['status'];
export type DemandCategory = DemandDetail['category'];
export type DemandPriority = DemandDetail['priority'];
export type Deadline = components['schemas']['DeadlineDto'];
export type StatusChange = components['schemas']['StatusChangeDto'];

/** A logged response (`GET /api/responses/{id}`, and the items of a campaign's responses). */
export type InstitutionResponse = components['schemas']['ResponseDto'];
export type NewResponse = components['schemas']['CreateResponseDto'];
export type ResponseAssessment = InstitutionResponse['assessment'];
export type ResponseChannel = InstitutionResponse['channel'];

export type FollowUp = components['schemas']['FollowUpDto'];
export type FollowUpStatus = FollowUp['status'];

export type Campaign = components['schemas']['CampaignDto'];

export const ASSESSMENTS = ['positive', 'partial', 'negative', 'non_committal'] as const satisfies readonly ResponseAssessment[];
export const CHANNELS = [
  'letter',
  'email',
  'meeting',
  'public_statement',
  'session_record',
  'other',
] as const satisfies readonly ResponseChannel[];
