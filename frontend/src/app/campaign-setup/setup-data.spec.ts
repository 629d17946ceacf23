import { newDemandBody, requiredFor, type DemandField } from './demand-form';
import { campaignChange, newCampaignBody } from './letter-step';
import { pastDeadlinesConfirmed } from './review-step';
import {
  blockerStep,
  campaignOffices,
  copyOf,
  deadlineInput,
  endingTerm,
  languageChoices,
  languageName,
  moveDemand,
  resumeStep,
  runsByOffice,
  stepTitleKey,
  wallTimeToInstant,
  type DeadlineChoice,
} from './setup-data';
import {
  HC_OFFICE_ID,
  SG_OFFICE_ID,
  SG_TERM_ID,
  aDraftDemand,
  demandOffice,
  theHighCommissioner,
  theSecretaryGeneral,
} from './testing/setup-fixtures';

const NO_CHOICE: DeadlineChoice = { kind: 'none', date: '', time: '', timeZone: '', milestoneId: '', termId: '' };

describe('the set-up steps', () => {
  it('resumes at the letter without a letter date, then at the demands without demands, else at the review', () => {
    expect(resumeStep(null, 3)).toBe('letter');
    expect(resumeStep('2026-11-19', 0)).toBe('demands');
    expect(resumeStep('2026-11-19', 2)).toBe('review');
  });

  it('sends each blocker of the send to the step that settles it', () => {
    expect(blockerStep('no_letter_date')).toBe('letter');
    expect(blockerStep('letter_date_in_future')).toBe('letter');
    expect(blockerStep('no_demands')).toBe('demands');
    expect(blockerStep('not_draft')).toBeNull();
  });

  it('titles each step’s page, and the set-up when the step is unknown', () => {
    expect(stepTitleKey('demands')).toBe('setup.title.demands');
    expect(stepTitleKey('elsewhere')).toBe('setup.title');
    expect(stepTitleKey(null)).toBe('setup.title');
  });
});

describe('the letter form', () => {
  const values = {
    title: '  Access for monitors ',
    letterDate: '',
    letterLanguage: '',
    summary: ' ',
    letterText: 'Dear Secretary-General,',
  };

  it('creates a draft with what was filled in, and nothing empty', () => {
    expect(newCampaignBody(values)).toEqual({ title: 'Access for monitors', status: 'draft', letterText: 'Dear Secretary-General,' });
    expect(newCampaignBody({ ...values, letterDate: '2026-11-19', letterLanguage: 'es' })).toMatchObject({
      letterDate: '2026-11-19',
      letterLanguage: 'es',
    });
  });

  it('saves every field of an existing draft; an empty date or language clears it', () => {
    expect(campaignChange(values)).toEqual({
      title: 'Access for monitors',
      summary: '',
      letterText: 'Dear Secretary-General,',
      letterDate: null,
      letterLanguage: null,
    });
  });

  it('offers the usual languages by name, and keeps one set otherwise', () => {
    expect(languageChoices(null)).toEqual(['en', 'es', 'fr', 'pt', 'ar', 'zh', 'ru']);
    expect(languageChoices('pt-BR')).toContain('pt-BR');
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('es', 'es')).toBe('español');
  });
});

describe('the deadline of a demand', () => {
  it('is none, or exactly one of a fixed instant (with its zone), a milestone, or a term', () => {
    expect(deadlineInput(NO_CHOICE)).toBeNull();
    const everything = {
      date: '2030-01-15',
      time: '12:00',
      timeZone: 'Europe/Zurich',
      milestoneId: '5e000000-0000-4000-8000-000000000001',
      termId: SG_TERM_ID,
    };
    expect(deadlineInput({ ...everything, kind: 'fixed' })).toEqual({ at: '2030-01-15T11:00:00.000Z', timeZone: 'Europe/Zurich' });
    expect(deadlineInput({ ...everything, kind: 'milestone' })).toEqual({ milestoneId: everything.milestoneId });
    expect(deadlineInput({ ...everything, kind: 'term' })).toEqual({ termId: SG_TERM_ID });
    expect(deadlineInput({ ...everything, kind: 'someday' })).toBeNull();
  });

  it('reads a wall time in the zone it is stated in, summer time included', () => {
    expect(wallTimeToInstant('2030-01-15', '12:00', 'Europe/Zurich')).toBe('2030-01-15T11:00:00.000Z');
    expect(wallTimeToInstant('2030-07-15', '12:00', 'Europe/Zurich')).toBe('2030-07-15T10:00:00.000Z');
    expect(wallTimeToInstant('2030-07-15', '23:59', 'America/New_York')).toBe('2030-07-16T03:59:00.000Z');
    expect(wallTimeToInstant('2030-07-15', '09:00', 'UTC')).toBe('2030-07-15T09:00:00.000Z');
  });

  it('follows the end of a term only when the office’s current holder has one', () => {
    expect(endingTerm(theSecretaryGeneral())?.id).toBe(SG_TERM_ID);
    expect(endingTerm(theHighCommissioner())).toBeNull();
    expect(endingTerm(theSecretaryGeneral({ currentHolder: null }))).toBeNull();
    expect(endingTerm(null)).toBeNull();
  });
});

describe('the demand form', () => {
  const values: Record<DemandField, string> = {
    officeId: SG_OFFICE_ID,
    text: '  publicly addressing the violations ',
    category: 'statement',
    priority: 'high',
    deadline: 'none',
    'deadline.at': '2030-01-15',
    deadlineTime: '23:59',
    'deadline.timeZone': 'America/New_York',
    'deadline.milestoneId': '',
    'deadline.termId': '',
  };

  it('sends the office, the words, category, priority and no deadline', () => {
    expect(newDemandBody(values, theSecretaryGeneral())).toEqual({
      officeId: SG_OFFICE_ID,
      text: 'publicly addressing the violations',
      category: 'statement',
      priority: 'high',
    });
  });

  it('sends a fixed deadline as an instant in its zone, or the office holder’s term', () => {
    expect(newDemandBody({ ...values, deadline: 'fixed' }, theSecretaryGeneral()).deadline).toEqual({
      at: '2030-01-16T04:59:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(newDemandBody({ ...values, deadline: 'term' }, theSecretaryGeneral()).deadline).toEqual({ termId: SG_TERM_ID });
  });

  it('requires the deadline’s fields only for the kind of deadline chosen', () => {
    const day = requiredFor('fixed', { text: 'Choose a day.' });
    expect(day.fails('', { ...values, deadline: 'fixed' })).toBe(true);
    expect(day.fails('2030-01-15', { ...values, deadline: 'fixed' })).toBe(false);
    expect(day.fails('', { ...values, deadline: 'milestone' })).toBe(false);
  });
});

describe('the review', () => {
  it('requires the confirmation only when some deadlines have passed', () => {
    let past = 0;
    const check = pastDeadlinesConfirmed(() => past);
    expect(check.fails('', { confirmPastDeadlines: '' })).toBe(false);
    past = 2;
    expect(check.fails('', { confirmPastDeadlines: '' })).toBe(true);
    expect(check.fails('true', { confirmPastDeadlines: 'true' })).toBe(false);
  });
});

describe('the order of the letter', () => {
  const ids = ['a', 'b', 'c'];

  it('moves a demand one place up or down, and sends the whole list', () => {
    expect(moveDemand(ids, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveDemand(ids, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('cannot move the first up, the last down, or a demand it does not know', () => {
    expect(moveDemand(ids, 'a', -1)).toBeNull();
    expect(moveDemand(ids, 'c', 1)).toBeNull();
    expect(moveDemand(ids, 'z', 1)).toBeNull();
  });

  it('groups the demands by addressee where the letter moves from one to the next, numbered in its order', () => {
    const sg = demandOffice(theSecretaryGeneral());
    const hc = demandOffice(theHighCommissioner());
    const demands = [
      aDraftDemand({ id: '1', office: sg }),
      aDraftDemand({ id: '2', office: sg }),
      aDraftDemand({ id: '3', office: hc }),
      aDraftDemand({ id: '4', office: sg }),
    ];
    expect(runsByOffice(demands).map((run) => [run.office.id, run.demands.map((d) => `${d.number}:${d.demand.id}`)])).toEqual([
      [SG_OFFICE_ID, ['1:1', '2:2']],
      [HC_OFFICE_ID, ['3:3']],
      [SG_OFFICE_ID, ['4:4']],
    ]);
    expect(campaignOffices(demands).map((o) => o.id)).toEqual([SG_OFFICE_ID, HC_OFFICE_ID]);
  });
});

describe('copying a demand to another addressee', () => {
  const demand = aDraftDemand({ text: 'meeting the coalition', category: 'meeting', priority: 'urgent' });

  it('keeps the words, category, priority and a fixed deadline with its zone', () => {
    const fixed = aDraftDemand({
      ...demand,
      deadline: {
        at: '2030-01-15T11:00:00.000Z',
        timeZone: 'Europe/Zurich',
        follows: 'fixed',
        milestoneId: null,
        milestoneTitle: null,
        termId: null,
      },
    });
    expect(copyOf(fixed, HC_OFFICE_ID, null)).toEqual({
      officeId: HC_OFFICE_ID,
      text: 'meeting the coalition',
      category: 'meeting',
      priority: 'urgent',
      deadline: { at: '2030-01-15T11:00:00.000Z', timeZone: 'Europe/Zurich' },
    });
  });

  it('follows the same milestone, or the other office’s own holder’s term (none without one)', () => {
    const milestone = aDraftDemand({
      deadline: {
        at: '2027-06-16T21:59:00.000Z',
        timeZone: 'Europe/Zurich',
        follows: 'milestone',
        milestoneId: 'm1',
        milestoneTitle: 'HRC 59',
        termId: null,
      },
    });
    expect(copyOf(milestone, HC_OFFICE_ID, null).deadline).toEqual({ milestoneId: 'm1' });
    const term = aDraftDemand({
      deadline: {
        at: '2027-01-01T04:59:00.000Z',
        timeZone: 'America/New_York',
        follows: 'term',
        milestoneId: null,
        milestoneTitle: null,
        termId: SG_TERM_ID,
      },
    });
    expect(copyOf(term, HC_OFFICE_ID, 'other-term').deadline).toEqual({ termId: 'other-term' });
    expect(copyOf(term, HC_OFFICE_ID, null)).not.toHaveProperty('deadline');
  });
});
