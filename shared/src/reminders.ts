import { zonedWallTimeToInstant } from './time-zones.js';

/**
 * When reminders fire (DESIGN.md, "Reminders", rule 5): some days before a deadline at a fixed
 * local time in the recipient's zone, at the deadline, then every few days while overdue, for a
 * bounded time. A campaign may override the default.
 */
export interface ReminderPolicy {
  /** Days before the deadline, each at `localTime` in the recipient's zone. */
  daysBefore: number[];
  /** 'HH:MM', the recipient's wall-clock time for the days-before reminders. */
  localTime: string;
  /** One reminder at the deadline itself. */
  atDue: boolean;
  /** While overdue, one reminder every this many days (0: none). */
  overdueEveryDays: number;
  /** Overdue reminders stop this many days after the deadline. */
  overdueForDays: number;
  /** A follow-up overdue this many days escalates to the coordinators (again at each multiple). */
  escalateAfterDays: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: [7, 2, 1],
  localTime: '09:00',
  atDue: true,
  overdueEveryDays: 2,
  overdueForDays: 30,
  escalateAfterDays: 3,
};

export type ReminderKind = 'before' | 'due' | 'overdue';

export interface PlannedReminder {
  kind: ReminderKind;
  /** Days before (positive) or after (negative) the deadline; 0 at the deadline. */
  offsetDays: number;
  fireAt: Date;
}

const DAY_MS = 86_400_000;

/** The calendar date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The calendar date `days` before a 'YYYY-MM-DD' date. */
export function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The reminders still to come for a deadline, seen from `now`: never one in the past, so data
 * loaded as history (or a deadline set late) does not set off a burst of old reminders. A
 * days-before reminder that would fall at or after the deadline itself is dropped.
 */
export function planReminders(dueAt: Date, recipientZone: string, policy: ReminderPolicy, now: Date): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const dueDate = localDate(dueAt, recipientZone);
  for (const days of [...new Set(policy.daysBefore)].sort((a, b) => b - a)) {
    const fireAt = zonedWallTimeToInstant(minusDays(dueDate, days), policy.localTime, recipientZone);
    if (fireAt < dueAt) planned.push({ kind: 'before', offsetDays: days, fireAt });
  }
  if (policy.atDue) planned.push({ kind: 'due', offsetDays: 0, fireAt: dueAt });
  if (policy.overdueEveryDays > 0) {
    for (let days = policy.overdueEveryDays; days <= policy.overdueForDays; days += policy.overdueEveryDays) {
      planned.push({ kind: 'overdue', offsetDays: -days, fireAt: new Date(dueAt.getTime() + days * DAY_MS) });
    }
  }
  return planned.filter((r) => r.fireAt > now);
}
