import type { TranslationKey, TranslationParams } from '../core/i18n/dictionary';
import { plural, type Campaign } from './setup-data';

/**
 * A campaign's reminder policy in words, as the reminder planner applies it
 * (shared/src/reminders.ts `planReminders`, backend/src/reminders/reminder-planner.ts, and the
 * follow-ups' escalation): no Angular here, so the spec tests it alone.
 */

export type ReminderPolicy = Campaign['reminderPolicy'];

/** One sentence: a translation key and its placeholders. */
export interface Sentence {
  readonly key: TranslationKey;
  readonly params?: TranslationParams;
}

/**
 * Three sentences: the reminders up to the deadline, those once it has passed, and the escalation
 * of overdue follow-ups. Lists of days are joined as the reader's `locale` joins them ("7, 2, and 1";
 * "7, 2 y 1"); each count has its singular and plural wording.
 */
export function reminderPolicyWords(policy: ReminderPolicy, locale: string): Sentence[] {
  return [beforeSentence(policy, locale), overdueSentence(policy), escalationSentence(policy)];
}

/** The days before a deadline as the planner reads them: each once, the earliest reminder first. */
export function daysInOrder(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** "7, 2, and 1" in English, "7, 2 y 1" in Spanish. */
export function joinList(items: readonly (string | number)[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items.map(String));
}

/** Reminders some days before, each at the local time in the recipient's zone; one when it falls due. */
function beforeSentence(policy: ReminderPolicy, locale: string): Sentence {
  const days = daysInOrder(policy.daysBefore);
  const [only] = days;
  if (only === undefined) {
    return { key: policy.atDue ? 'setup.reminders.words.dueOnly' : 'setup.reminders.words.noneBefore' };
  }
  // "the day before", "3 days before", "7, 2, and 1 days before"
  const shape = days.length > 1 ? 'several' : only === 1 ? 'oneDay' : 'single';
  return {
    key: policy.atDue ? `setup.reminders.words.before.${shape}.due` : `setup.reminders.words.before.${shape}`,
    params: { days: joinList(days, locale), time: policy.localTime },
  };
}

/**
 * Every `overdueEveryDays` after the deadline while it is `overdueForDays` old or less: none when
 * the first would come after the last day (or `overdueEveryDays` is 0), one when only one fits.
 */
function overdueSentence(policy: ReminderPolicy): Sentence {
  const every = policy.overdueEveryDays;
  const reminders = every > 0 ? Math.floor(policy.overdueForDays / every) : 0;
  if (reminders === 0) return { key: 'setup.reminders.words.overdue.none' };
  if (reminders === 1) return { key: `setup.reminders.words.overdue.once.${plural(every)}`, params: { every } };
  return { key: `setup.reminders.words.overdue.every.${plural(every)}`, params: { every, for: policy.overdueForDays } };
}

/** A follow-up still open this many days after it was due goes to the lead coordinators, again at each multiple. */
function escalationSentence(policy: ReminderPolicy): Sentence {
  const days = policy.escalateAfterDays;
  return { key: `setup.reminders.words.escalate.${plural(days)}`, params: { days } };
}
