import { describe, expect, it } from 'vitest';

import { addDays, calendarEntries, monthWeeks, shiftMonth } from './calendar-data';

describe('calendar data', () => {
  it('lays a month out in Monday-first weeks', () => {
    const weeks = monthWeeks('2026-11');
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks.at(-1)?.at(-1)).toBe('2026-12-06');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('moves between months and days across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('puts deadlines on their day in the person’s zone, in order', () => {
    const entries = calendarEntries(
      'c1',
      'America/Argentina/Buenos_Aires',
      [
        {
          id: 'm1',
          campaignId: 'c1',
          reference: null,
          title: 'Session opens',
          kind: 'context',
          occursOn: '2026-11-03',
          timeZone: 'Europe/Zurich',
          source: null,
          demandCount: 0,
        },
      ],
      [],
      [
        {
          id: 'f1',
          campaignId: 'c1',
          campaignTitle: 'C',
          organizationId: 'o1',
          organizationName: 'Org',
          assigneeId: null,
          assigneeName: null,
          demandId: null,
          responseId: null,
          title: 'Call the mission',
          details: '',
          dueAt: '2026-11-03T02:00:00.000Z', // 23:00 on 2 Nov in Buenos Aires
          dueTimeZone: 'UTC',
          status: 'open',
          overdue: false,
          completionNote: null,
          completedAt: null,
          isExample: false,
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    );
    expect(entries.map((e) => [e.kind, e.day])).toEqual([
      ['follow_up', '2026-11-02'],
      ['milestone', '2026-11-03'],
    ]);
    expect(entries[0]?.link).toEqual(['/campaigns', 'c1', 'follow-ups', 'f1']);
  });
});
