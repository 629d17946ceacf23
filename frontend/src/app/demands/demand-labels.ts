import type { TranslationKey } from '../core/i18n/dictionary';
import type { DemandCategory, DemandPriority, FollowUpStatus, ResponseAssessment, ResponseChannel } from './demand-types';

const CATEGORY_KEYS = {
  statement: 'demand.category.statement',
  investigation: 'demand.category.investigation',
  meeting: 'demand.category.meeting',
  session_agenda: 'demand.category.session_agenda',
  resolution: 'demand.category.resolution',
  disclosure: 'demand.category.disclosure',
  cessation: 'demand.category.cessation',
  return: 'demand.category.return',
  sanctions: 'demand.category.sanctions',
  other: 'demand.category.other',
} as const satisfies Record<DemandCategory, TranslationKey>;

const PRIORITY_KEYS = {
  low: 'demand.priority.low',
  normal: 'demand.priority.normal',
  high: 'demand.priority.high',
  urgent: 'demand.priority.urgent',
} as const satisfies Record<DemandPriority, TranslationKey>;

const ASSESSMENT_KEYS = {
  positive: 'response.assessment.positive',
  partial: 'response.assessment.partial',
  negative: 'response.assessment.negative',
  non_committal: 'response.assessment.non_committal',
} as const satisfies Record<ResponseAssessment, TranslationKey>;

const CHANNEL_KEYS = {
  letter: 'response.channel.letter',
  email: 'response.channel.email',
  meeting: 'response.channel.meeting',
  public_statement: 'response.channel.public_statement',
  session_record: 'response.channel.session_record',
  other: 'response.channel.other',
} as const satisfies Record<ResponseChannel, TranslationKey>;

const FOLLOW_UP_STATUS_KEYS = {
  open: 'followUp.status.open',
  in_progress: 'followUp.status.in_progress',
  done: 'followUp.status.done',
  cancelled: 'followUp.status.cancelled',
} as const satisfies Record<FollowUpStatus, TranslationKey>;

export function categoryKey(category: DemandCategory): TranslationKey {
  return CATEGORY_KEYS[category];
}

export function priorityKey(priority: DemandPriority): TranslationKey {
  return PRIORITY_KEYS[priority];
}

export function assessmentKey(assessment: ResponseAssessment): TranslationKey {
  return ASSESSMENT_KEYS[assessment];
}

export function channelKey(channel: ResponseChannel): TranslationKey {
  return CHANNEL_KEYS[channel];
}

export function followUpStatusKey(status: FollowUpStatus): TranslationKey {
  return FOLLOW_UP_STATUS_KEYS[status];
}
