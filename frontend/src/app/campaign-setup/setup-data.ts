import { zonedWallTimeToInstant } from '@demarche/shared';

import type { components } from '../core/api/schema.generated';
import type { TranslationKey } from '../core/i18n/dictionary';

/** Types and rules of the campaign set-up (issue 19): no Angular here, so the specs test them alone. */

export type Campaign = components['schemas']['CampaignDto'];
export type Office = components['schemas']['OfficeDto'];
export type Term = components['schemas']['TermDto'];
export type Demand = components['schemas']['DemandDto'];
export type DemandOffice = Demand['office'];
export type Milestone = components['schemas']['MilestoneDto'];
export type SendPreview = components['schemas']['SendPreviewDto'];
export type SentCampaign = components['schemas']['SentCampaignDto'];
export type SendBlocker = SendPreview['blockers'][number];
export type PastDeadlineDemand = components['schemas']['PastDeadlineDemandDto'];
export type DeadlineInput = components['schemas']['DeadlineInputDto'];
export type NewDemand = components['schemas']['CreateDemandDto'];
export type DemandCategory = Demand['category'];
export type DemandPriority = Demand['priority'];

/** The categories and priorities a demand may take: the domain's own lists. */
export { DEMAND_CATEGORIES, DEMAND_PRIORITIES } from '@demarche/shared';

/**
 * The steps of the set-up, in order. Milestones come before the demands (the issue lists them
 * after): a demand's deadline may follow a milestone, so it must exist when the demand is written.
 */
export const SETUP_STEPS = ['letter', 'coalition', 'milestones', 'demands', 'reminders', 'review'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export function isSetupStep(value: unknown): value is SetupStep {
  return typeof value === 'string' && (SETUP_STEPS as readonly string[]).includes(value);
}

const STEP_KEYS = {
  letter: 'setup.step.letter',
  coalition: 'setup.step.coalition',
  milestones: 'setup.step.milestones',
  demands: 'setup.step.demands',
  reminders: 'setup.step.reminders',
  review: 'setup.step.review',
} as const satisfies Record<SetupStep, TranslationKey>;

const STEP_TITLE_KEYS = {
  letter: 'setup.title.letter',
  coalition: 'setup.title.coalition',
  milestones: 'setup.title.milestones',
  demands: 'setup.title.demands',
  reminders: 'setup.title.reminders',
  review: 'setup.title.review',
} as const satisfies Record<SetupStep, TranslationKey>;

/** The step's name in the step navigation ("The letter"). */
export function stepKey(step: SetupStep): TranslationKey {
  return STEP_KEYS[step];
}

/** The document title of a step's page (an unknown step: the set-up in general). */
export function stepTitleKey(step: string | null | undefined): TranslationKey {
  return isSetupStep(step) ? STEP_TITLE_KEYS[step] : 'setup.title';
}

/** The step before `step` (null for the first). */
export function previousStep(step: SetupStep): SetupStep | null {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) - 1] ?? null;
}

/** The step after `step` (null for the last). */
export function nextStep(step: SetupStep): SetupStep | null {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) + 1] ?? null;
}

/**
 * Where a set-up left off resumes: without a letter date, the letter; without demands, the
 * demands; else the review.
 */
export function resumeStep(letterDate: string | null, demandCount: number): SetupStep {
  if (!letterDate) return 'letter';
  return demandCount === 0 ? 'demands' : 'review';
}

/** The step that removes a blocker of the send (none for `not_draft`: the overview). */
export function blockerStep(blocker: SendBlocker): SetupStep | null {
  switch (blocker) {
    case 'no_letter_date':
    case 'letter_date_in_future':
      return 'letter';
    case 'no_demands':
      return 'demands';
    case 'not_draft':
      return null;
  }
}

/** How a demand's deadline is set in the form. */
export const DEADLINE_KINDS = ['none', 'fixed', 'milestone', 'term'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export function isDeadlineKind(value: unknown): value is DeadlineKind {
  return typeof value === 'string' && (DEADLINE_KINDS as readonly string[]).includes(value);
}

/** What the deadline fields of the demand form hold. */
export interface DeadlineChoice {
  readonly kind: string;
  /** `YYYY-MM-DD`, for a fixed deadline */
  readonly date: string;
  /** `HH:MM`, wall time in `timeZone` */
  readonly time: string;
  readonly timeZone: string;
  readonly milestoneId: string;
  /** The term whose end the deadline follows (the office's current holder's) */
  readonly termId: string;
}

/**
 * The API's `deadline` for what the form holds: exactly one of `at` (with its zone),
 * `milestoneId` or `termId`; null for none.
 */
export function deadlineInput(choice: DeadlineChoice): DeadlineInput | null {
  const kind: DeadlineKind = isDeadlineKind(choice.kind) ? choice.kind : 'none';
  switch (kind) {
    case 'fixed':
      return { at: wallTimeToInstant(choice.date, choice.time, choice.timeZone), timeZone: choice.timeZone };
    case 'milestone':
      return { milestoneId: choice.milestoneId };
    case 'term':
      return { termId: choice.termId };
    case 'none':
      return null;
  }
}

/**
 * The instant (ISO) at which the clock in `zone` reads `time` on `day`: the product's one rule for
 * a wall time in a zone (shared/src/time-zones.ts, DST-safe), not a copy of it.
 */
export function wallTimeToInstant(day: string, time: string, zone: string): string {
  return zonedWallTimeToInstant(day, time, zone).toISOString();
}

/** The office's current holder's term when it has an end date: what "the end of the term" follows. */
export function endingTerm(office: Pick<Office, 'currentHolder'> | null): Term | null {
  const holder = office?.currentHolder ?? null;
  return holder?.endsOn ? holder : null;
}

/**
 * The campaign's demand ids with `id` moved one place up (`-1`) or down (`1`): the whole list, as
 * `PUT …/demands/order` wants it. Null when it cannot move (first up, last down, not there).
 */
export function moveDemand(ids: readonly string[], id: string, by: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const order = [...ids];
  order[from] = ids[to]!;
  order[to] = id;
  return order;
}

/** A demand with its number in the letter (1, 2, …). */
export interface NumberedDemand {
  readonly demand: Demand;
  readonly number: number;
}

/** Demands to one addressee that follow one another in the letter. */
export interface OfficeRun {
  readonly office: DemandOffice;
  readonly demands: readonly NumberedDemand[];
}

/**
 * The demands as the letter reads: in its order, grouped by addressee — a new group wherever the
 * addressee changes, so that moving a demand up or down moves it in the letter as shown.
 */
export function runsByOffice(demands: readonly Demand[]): OfficeRun[] {
  const runs: { office: DemandOffice; demands: NumberedDemand[] }[] = [];
  demands.forEach((demand, index) => {
    const last = runs[runs.length - 1];
    const numbered = { demand, number: index + 1 };
    if (last && last.office.id === demand.office.id) {
      last.demands.push(numbered);
    } else {
      runs.push({ office: demand.office, demands: [numbered] });
    }
  });
  return runs;
}

/** The offices the campaign's demands are addressed to, each once, in the letter's order. */
export function campaignOffices(demands: readonly Demand[]): DemandOffice[] {
  const seen = new Map<string, DemandOffice>();
  for (const demand of demands) {
    if (!seen.has(demand.office.id)) seen.set(demand.office.id, demand.office);
  }
  return [...seen.values()];
}

/**
 * The same demand for another addressee: its words, category, priority and deadline. A deadline
 * that follows the end of a term follows the other office's own holder's term (`termId`, when it
 * has one with an end date), or is left out.
 */
export function copyOf(demand: Demand, officeId: string, termId: string | null): NewDemand {
  const body: NewDemand = { officeId, text: demand.text, category: demand.category, priority: demand.priority };
  const deadline = demand.deadline;
  if (!deadline) return body;
  switch (deadline.follows) {
    case 'fixed':
      return { ...body, deadline: { at: deadline.at, timeZone: deadline.timeZone } };
    case 'milestone':
      return deadline.milestoneId ? { ...body, deadline: { milestoneId: deadline.milestoneId } } : body;
    case 'term':
      return termId ? { ...body, deadline: { termId } } : body;
  }
}

/**
 * The languages a letter is most often written in, as language tags: the official languages of
 * the United Nations and of the Organization of American States.
 */
export const LETTER_LANGUAGES = ['en', 'es', 'fr', 'pt', 'ar', 'zh', 'ru'] as const;

/** The language tags to choose from, with `current` (set through the API, say `pt-BR`) if it is not among them. */
export function languageChoices(current: string | null): readonly string[] {
  return current && !(LETTER_LANGUAGES as readonly string[]).includes(current) ? [...LETTER_LANGUAGES, current] : LETTER_LANGUAGES;
}

/** A language tag's name in `locale` ("Spanish", "español"), or the tag itself where the runtime cannot name it. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A demand's text cut for a label ("Delete demand 2: Publicly address…"). */
export function shortText(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** "one" or "other": which of a count's two wordings to use (English and Spanish agree). */
export function plural(count: number): 'one' | 'other' {
  return count === 1 ? 'one' : 'other';
}
