import { MILESTONE_KINDS, isOneOf, type MilestoneKind } from '@demarche/shared';

import type { components } from '../core/api/schema.generated';
import type { TranslationKey } from '../core/i18n/dictionary';
import type { Milestone } from './setup-data';

/**
 * Rules of the set-up's milestones step (issue 19): no Angular here, so the specs test them alone.
 * A milestone is a day in a time zone (the end of a presidency, a session's opening); a demand's
 * deadline may follow it — due at the end of its day, in its zone — and then moves with it.
 */

export type NewMilestone = components['schemas']['CreateMilestoneDto'];
export type MilestoneChange = components['schemas']['UpdateMilestoneDto'];
export type MilestoneField = 'title' | 'kind' | 'occursOn' | 'timeZone';
export type { MilestoneKind };

/** The kinds in the order the form offers them: a date demands are tied to first (the API's default). */
export const MILESTONE_KIND_CHOICES: readonly MilestoneKind[] = ['deadline', ...MILESTONE_KINDS.filter((kind) => kind !== 'deadline')];

const KIND_KEYS = {
  deadline: 'setup.milestones.kind.deadline',
  context: 'setup.milestones.kind.context',
  campaign: 'setup.milestones.kind.campaign',
} as const satisfies Record<MilestoneKind, TranslationKey>;

/** The kind's name in words ("Deadline", "Background"). */
export function milestoneKindKey(kind: MilestoneKind): TranslationKey {
  return KIND_KEYS[kind];
}

export function isMilestoneKind(value: unknown): value is MilestoneKind {
  return isOneOf(MILESTONE_KINDS, value);
}

/** Milestones as the API lists them: by day, then by id. */
export function byDay(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => a.occursOn.localeCompare(b.occursOn) || a.id.localeCompare(b.id));
}

/** The list with `milestone` added, or put in place of its former self, by day. */
export function withMilestone(milestones: readonly Milestone[], milestone: Milestone): Milestone[] {
  return byDay([...milestones.filter((m) => m.id !== milestone.id), milestone]);
}

/** The body of `POST /api/campaigns/{id}/milestones` for what the form holds. */
export function newMilestoneBody(values: Readonly<Record<MilestoneField, string>>): NewMilestone {
  return {
    title: values.title.trim(),
    ...(isMilestoneKind(values.kind) ? { kind: values.kind } : {}),
    occursOn: values.occursOn,
    timeZone: values.timeZone,
  };
}

/**
 * The body of `PATCH /api/milestones/{id}`: only what the form changed, so that an edit does not
 * undo someone else's change to another field. Empty when nothing changed.
 */
export function milestoneChange(before: Milestone, values: Readonly<Record<MilestoneField, string>>): MilestoneChange {
  const change: MilestoneChange = {};
  const title = values.title.trim();
  if (title !== before.title) change.title = title;
  if (isMilestoneKind(values.kind) && values.kind !== before.kind) change.kind = values.kind;
  if (values.occursOn !== before.occursOn) change.occursOn = values.occursOn;
  if (values.timeZone !== before.timeZone) change.timeZone = values.timeZone;
  return change;
}

/** What the form holds for an existing milestone. */
export function milestoneValues(milestone: Milestone): Record<MilestoneField, string> {
  return { title: milestone.title, kind: milestone.kind, occursOn: milestone.occursOn, timeZone: milestone.timeZone };
}

/**
 * How many demands' deadlines moved with a change: those that follow the milestone, when its day
 * or its zone changed (the API moves them, in the same transaction, to the end of the new day).
 */
export function deadlinesMoved(before: Milestone, after: Milestone): number {
  return before.occursOn !== after.occursOn || before.timeZone !== after.timeZone ? after.demandCount : 0;
}

/** "zero", "one" or "other": which wording of a count of demands to use. */
export function demandsCount(count: number): 'zero' | 'one' | 'other' {
  if (count === 0) return 'zero';
  return count === 1 ? 'one' : 'other';
}
