import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, planReminders } from './reminders.js';

const iso = (d: Date) => d.toISOString();

describe('reminder schedule', () => {
  const longAgo = new Date('2000-01-01T00:00:00Z');

  it('reminds 7, 2 and 1 days before at 09:00 where the recipient is, at the deadline, then every 2 days for 30 days', () => {
    const due = new Date('2025-06-16T21:59:00Z'); // 23:59 in Geneva
    const plan = planReminders(due, 'Europe/Zurich', DEFAULT_REMINDER_POLICY, longAgo);
    expect(plan.slice(0, 4).map((r) => [r.kind, r.offsetDays, iso(r.fireAt)])).toEqual([
      ['before', 7, '2025-06-09T07:00:00.000Z'],
      ['before', 2, '2025-06-14T07:00:00.000Z'],
      ['before', 1, '2025-06-15T07:00:00.000Z'],
      ['due', 0, '2025-06-16T21:59:00.000Z'],
    ]);
    const overdue = plan.filter((r) => r.kind === 'overdue');
    expect(overdue).toHaveLength(15);
    expect(iso(overdue[0]!.fireAt)).toBe('2025-06-18T21:59:00.000Z');
    expect(overdue.at(-1)!.offsetDays).toBe(-30);
  });

  it('keeps 09:00 local on both sides of a DST change', () => {
    // New York moves to daylight time on 9 March 2025.
    const due = new Date('2025-03-12T16:00:00Z');
    const plan = planReminders(due, 'America/New_York', DEFAULT_REMINDER_POLICY, longAgo).filter((r) => r.kind === 'before');
    expect(plan.map((r) => iso(r.fireAt))).toEqual([
      '2025-03-05T14:00:00.000Z', // 09:00 EST
      '2025-03-10T13:00:00.000Z', // 09:00 EDT
      '2025-03-11T13:00:00.000Z',
    ]);
  });

  it('uses the recipient’s zone for the day, not the deadline’s', () => {
    const due = new Date('2025-04-30T03:59:00Z'); // 23:59 on 29 April in New York, 30 April in Tokyo
    const [seven] = planReminders(due, 'Asia/Tokyo', DEFAULT_REMINDER_POLICY, longAgo);
    expect(iso(seven!.fireAt)).toBe('2025-04-23T00:00:00.000Z'); // 09:00 in Tokyo on 23 April
  });

  it('plans nothing in the past, so history sets off no burst', () => {
    const due = new Date('2025-05-01T12:00:00Z');
    const now = new Date('2025-05-04T00:00:00Z');
    const plan = planReminders(due, 'UTC', DEFAULT_REMINDER_POLICY, now);
    expect(plan.every((r) => r.fireAt > now)).toBe(true);
    expect(plan[0]).toMatchObject({ kind: 'overdue', offsetDays: -4 });
    expect(planReminders(due, 'UTC', DEFAULT_REMINDER_POLICY, new Date('2026-01-01T00:00:00Z'))).toEqual([]);
  });

  it('drops a days-before reminder that would fall after a deadline early in the morning', () => {
    const due = new Date('2025-06-02T06:00:00Z'); // 06:00 UTC; the 1-day reminder is 09:00 the day before
    const plan = planReminders(due, 'UTC', { ...DEFAULT_REMINDER_POLICY, daysBefore: [0, 1] }, longAgo);
    expect(plan.filter((r) => r.kind === 'before').map((r) => r.offsetDays)).toEqual([1]);
  });
});
