import { en } from '../core/i18n/en';
import { es } from '../core/i18n/es';
import { daysInOrder, joinList, reminderPolicyWords, type ReminderPolicy, type Sentence } from './reminder-policy-words';

const POLICY: ReminderPolicy = {
  daysBefore: [7, 2, 1],
  localTime: '09:00',
  atDue: true,
  overdueEveryDays: 3,
  overdueForDays: 14,
  escalateAfterDays: 5,
};

/** The sentences as a reader of `locale` reads them, from the real dictionaries. */
function read(policy: Partial<ReminderPolicy>, locale: 'en' | 'es' = 'en'): string[] {
  const dictionary: Readonly<Record<string, string>> = locale === 'en' ? en : es;
  return reminderPolicyWords({ ...POLICY, ...policy }, locale).map((sentence: Sentence) =>
    dictionary[sentence.key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(sentence.params?.[name] ?? `{${name}}`)),
  );
}

describe('reminderPolicyWords', () => {
  it('says several days before, the time in each person’s zone, the day it falls due, the overdue reminders and the escalation', () => {
    expect(read({})).toEqual([
      'Reminders go 7, 2, and 1 days before each deadline, at 09:00 in each person’s own time zone, and when the deadline falls due.',
      'After a deadline passes unanswered, a reminder goes every 3 days for 14 days.',
      'A follow-up still not done 5 days after it was due is escalated: the coordinators of the lead organizations are told, and told again every 5 days after that.',
    ]);
  });

  it('reads as naturally in Spanish, the list joined the Spanish way', () => {
    expect(read({}, 'es')).toEqual([
      'Se envían recordatorios 7, 2 y 1 días antes de cada plazo, a las 09:00 en la zona horaria de cada persona, y cuando el plazo vence.',
      'Si un plazo vence sin respuesta, se envía un recordatorio cada 3 días durante 14 días.',
      'Si un seguimiento sigue sin hacerse 5 días después de su vencimiento, se escala: se avisa a las personas coordinadoras de las organizaciones líderes, y de nuevo cada 5 días a partir de entonces.',
    ]);
  });

  it('returns keys and parameters, not text', () => {
    expect(reminderPolicyWords(POLICY, 'en')[0]).toEqual({
      key: 'setup.reminders.words.before.several.due',
      params: { days: '7, 2, and 1', time: '09:00' },
    });
  });

  it('says “the day before” for one day, and the number of days for another single day', () => {
    expect(read({ daysBefore: [1] })[0]).toBe(
      'A reminder goes the day before each deadline, at 09:00 in each person’s own time zone, and another when the deadline falls due.',
    );
    expect(read({ daysBefore: [3], localTime: '17:30' })[0]).toBe(
      'A reminder goes 3 days before each deadline, at 17:30 in each person’s own time zone, and another when the deadline falls due.',
    );
    expect(read({ daysBefore: [1] }, 'es')[0]).toBe(
      'Se envía un recordatorio el día anterior a cada plazo, a las 09:00 en la zona horaria de cada persona, y otro cuando el plazo vence.',
    );
  });

  it('leaves out the reminder when the deadline falls due when atDue is false', () => {
    expect(read({ atDue: false })[0]).toBe('Reminders go 7, 2, and 1 days before each deadline, at 09:00 in each person’s own time zone.');
    expect(read({ daysBefore: [1], atDue: false })[0]).toBe(
      'A reminder goes the day before each deadline, at 09:00 in each person’s own time zone.',
    );
    expect(read({ daysBefore: [2], atDue: false }, 'es')[0]).toBe(
      'Se envía un recordatorio 2 días antes de cada plazo, a las 09:00 en la zona horaria de cada persona.',
    );
  });

  it('says when no reminder goes before a deadline, with or without one when it falls due', () => {
    expect(read({ daysBefore: [] })[0]).toBe('No reminder goes before a deadline; one goes when it falls due.');
    expect(read({ daysBefore: [], atDue: false })[0]).toBe('No reminder goes before a deadline, nor when it falls due.');
    expect(read({ daysBefore: [], atDue: false }, 'es')[0]).toBe('No se envía ningún recordatorio antes de un plazo ni cuando vence.');
  });

  it('reads the days as the planner does: each once, the earliest first', () => {
    expect(reminderPolicyWords({ ...POLICY, daysBefore: [1, 7, 2, 7] }, 'en')[0]?.params?.['days']).toBe('7, 2, and 1');
    expect(daysInOrder([1, 14, 3, 14])).toEqual([14, 3, 1]);
    expect(read({ daysBefore: [2, 2] })[0]).toBe(
      'A reminder goes 2 days before each deadline, at 09:00 in each person’s own time zone, and another when the deadline falls due.',
    );
  });

  it('says there are no overdue reminders when every is 0, or when the first would come after the last day', () => {
    expect(read({ overdueEveryDays: 0 })[1]).toBe('Once a deadline has passed, no more reminders go.');
    expect(read({ overdueEveryDays: 5, overdueForDays: 4 })[1]).toBe('Once a deadline has passed, no more reminders go.');
    expect(read({ overdueEveryDays: 3, overdueForDays: 0 }, 'es')[1]).toBe('Una vez vencido un plazo, no se envían más recordatorios.');
  });

  it('says one more reminder when only one fits, and “every day” for a daily one', () => {
    expect(read({ overdueEveryDays: 7, overdueForDays: 10 })[1]).toBe(
      'After a deadline passes unanswered, one more reminder goes 7 days later.',
    );
    expect(read({ overdueEveryDays: 1, overdueForDays: 1 })[1]).toBe(
      'After a deadline passes unanswered, one more reminder goes a day later.',
    );
    expect(read({ overdueEveryDays: 1, overdueForDays: 1 }, 'es')[1]).toBe(
      'Si un plazo vence sin respuesta, se envía un último recordatorio al día siguiente.',
    );
    expect(read({ overdueEveryDays: 1, overdueForDays: 5 })[1]).toBe(
      'After a deadline passes unanswered, a reminder goes every day for 5 days.',
    );
  });

  it('words an escalation after one day in the singular', () => {
    expect(read({ escalateAfterDays: 1 })[2]).toBe(
      'A follow-up still not done a day after it was due is escalated: the coordinators of the lead organizations are told, and told again every day after that.',
    );
    expect(read({ escalateAfterDays: 1 }, 'es')[2]).toBe(
      'Si un seguimiento sigue sin hacerse un día después de su vencimiento, se escala: se avisa a las personas coordinadoras de las organizaciones líderes, y de nuevo cada día a partir de entonces.',
    );
  });

  it('joins lists in the reader’s locale', () => {
    expect(joinList([7, 2], 'en')).toBe('7 and 2');
    expect(joinList([7, 2], 'es')).toBe('7 y 2');
    expect(joinList([30], 'es')).toBe('30');
  });
});
