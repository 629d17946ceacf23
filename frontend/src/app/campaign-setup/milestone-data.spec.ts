import {
  MILESTONE_KIND_CHOICES,
  byDay,
  deadlinesMoved,
  demandsCount,
  isMilestoneKind,
  milestoneChange,
  milestoneKindKey,
  milestoneValues,
  newMilestoneBody,
  withMilestone,
} from './milestone-data';
import { aMilestone } from './testing/setup-fixtures';

const PRESIDENCY = aMilestone({
  id: '5e000000-0000-4000-8000-000000000002',
  title: 'End of the Security Council presidency',
  occursOn: '2027-05-31',
  timeZone: 'America/New_York',
  demandCount: 2,
});
const SESSION = aMilestone({
  id: '5e000000-0000-4000-8000-000000000003',
  title: 'Human Rights Council, 59th session',
  occursOn: '2027-06-16',
});

describe('milestone rules', () => {
  it('offers a date demands are tied to first, then the other kinds, each with its words', () => {
    expect(MILESTONE_KIND_CHOICES).toEqual(['deadline', 'context', 'campaign']);
    expect(MILESTONE_KIND_CHOICES.map(milestoneKindKey)).toEqual([
      'setup.milestones.kind.deadline',
      'setup.milestones.kind.context',
      'setup.milestones.kind.campaign',
    ]);
    expect(isMilestoneKind('context')).toBe(true);
    expect(isMilestoneKind('holiday')).toBe(false);
  });

  it('lists milestones by day, then by id, as the API does', () => {
    const sameDay = aMilestone({ id: '5e000000-0000-4000-8000-000000000001', occursOn: '2027-06-16' });
    expect(byDay([SESSION, PRESIDENCY, sameDay]).map((m) => m.id)).toEqual([PRESIDENCY.id, sameDay.id, SESSION.id]);
  });

  it('puts an added or edited milestone in its place by day, once', () => {
    const moved = { ...SESSION, occursOn: '2027-05-01' };
    expect(withMilestone([PRESIDENCY, SESSION], moved).map((m) => [m.id, m.occursOn])).toEqual([
      [SESSION.id, '2027-05-01'],
      [PRESIDENCY.id, '2027-05-31'],
    ]);
    const added = aMilestone({ id: '5e000000-0000-4000-8000-000000000009', occursOn: '2028-01-01' });
    expect(withMilestone([PRESIDENCY, SESSION], added).map((m) => m.id)).toEqual([PRESIDENCY.id, SESSION.id, added.id]);
  });

  it('sends a new milestone’s title trimmed, its kind, day and zone', () => {
    expect(newMilestoneBody({ title: '  Opening of HRC 60 ', kind: 'context', occursOn: '2027-09-08', timeZone: 'Europe/Zurich' })).toEqual(
      {
        title: 'Opening of HRC 60',
        kind: 'context',
        occursOn: '2027-09-08',
        timeZone: 'Europe/Zurich',
      },
    );
    // An unknown kind is left to the API's default rather than sent.
    expect(newMilestoneBody({ title: 'A', kind: '', occursOn: '2027-09-08', timeZone: 'UTC' })).toEqual({
      title: 'A',
      occursOn: '2027-09-08',
      timeZone: 'UTC',
    });
  });

  it('sends only what an edit changed', () => {
    const values = milestoneValues(PRESIDENCY);
    expect(values).toEqual({
      title: 'End of the Security Council presidency',
      kind: 'deadline',
      occursOn: '2027-05-31',
      timeZone: 'America/New_York',
    });
    expect(milestoneChange(PRESIDENCY, values)).toEqual({});
    expect(milestoneChange(PRESIDENCY, { ...values, title: ' End of the presidency ' })).toEqual({ title: 'End of the presidency' });
    expect(milestoneChange(PRESIDENCY, { ...values, occursOn: '2027-06-30', timeZone: 'Europe/Zurich', kind: 'context' })).toEqual({
      kind: 'context',
      occursOn: '2027-06-30',
      timeZone: 'Europe/Zurich',
    });
  });

  it('counts the deadlines moved: those that follow it, when its day or zone changed', () => {
    expect(deadlinesMoved(PRESIDENCY, { ...PRESIDENCY, occursOn: '2027-06-30' })).toBe(2);
    expect(deadlinesMoved(PRESIDENCY, { ...PRESIDENCY, timeZone: 'Europe/Zurich' })).toBe(2);
    expect(deadlinesMoved(PRESIDENCY, { ...PRESIDENCY, title: 'Another title' })).toBe(0);
    expect(deadlinesMoved(SESSION, { ...SESSION, occursOn: '2027-06-17' })).toBe(0);
  });

  it('words a count of demands as none, one or several', () => {
    expect([0, 1, 2, 11].map(demandsCount)).toEqual(['zero', 'one', 'other', 'other']);
  });
});
