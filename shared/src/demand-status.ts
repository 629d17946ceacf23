/**
 * The demand status machine (DESIGN.md, "Demand"). Both the API (which enforces it) and the
 * dashboard (which offers only allowed moves) read it from here.
 */

export const DEMAND_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'under_consideration',
  'partially_met',
  'met',
  'rejected',
  'no_response',
  'withdrawn',
] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

const ANSWERS = ['partially_met', 'met', 'rejected'] as const;

export const DEMAND_TRANSITIONS: Readonly<Record<DemandStatus, readonly DemandStatus[]>> = {
  draft: ['sent', 'withdrawn'],
  sent: ['acknowledged', 'under_consideration', ...ANSWERS, 'no_response', 'withdrawn'],
  acknowledged: ['under_consideration', ...ANSWERS, 'no_response', 'withdrawn'],
  under_consideration: [...ANSWERS, 'no_response', 'withdrawn'],
  no_response: ['acknowledged', 'under_consideration', ...ANSWERS, 'withdrawn'],
  partially_met: ['met', 'rejected', 'under_consideration'],
  rejected: ['under_consideration'],
  met: [],
  withdrawn: [],
};

/** Statuses only the system sets (the reminder worker, when a deadline passes unanswered). */
export const SYSTEM_ONLY_DEMAND_STATUSES: readonly DemandStatus[] = ['no_response'];

/** Final statuses: nothing follows them except a coordinator's recorded correction. */
export const TERMINAL_DEMAND_STATUSES: readonly DemandStatus[] = ['met', 'withdrawn'];

export function allowedDemandTransitions(from: DemandStatus): readonly DemandStatus[] {
  return DEMAND_TRANSITIONS[from];
}

export function canTransitionDemand(from: DemandStatus, to: DemandStatus): boolean {
  return DEMAND_TRANSITIONS[from].includes(to);
}

/**
 * A demand still waiting on the institution: its deadline matters and its reminders run. SQL
 * reads the same list (`sqlList(DEMAND_STATUSES_AWAITING_ANSWER)` in the backend).
 */
export const DEMAND_STATUSES_AWAITING_ANSWER = ['sent', 'acknowledged', 'under_consideration'] as const satisfies readonly DemandStatus[];

export function isDemandAwaitingAnswer(status: DemandStatus): boolean {
  return (DEMAND_STATUSES_AWAITING_ANSWER as readonly DemandStatus[]).includes(status);
}
