import type { Locale, SystemNote, SystemNoteKey } from '@demarche/shared';

type Words = (p: Readonly<Record<string, string>>, day: (isoDay: string | undefined) => string) => string;

/**
 * Each system note in each language: a `Record<Locale, …>`, so a language added to `LOCALES`
 * does not compile until its words are here (docs/adding-a-language.md).
 */
const WORDS: Record<Locale, Record<SystemNoteKey, Words>> = {
  en: {
    deadline_passed: () => 'The deadline passed with no response.',
    deadline_passed_before_sending: () => 'The deadline had passed when the campaign was marked as sent.',
    proposal_confirmed: (p) => `Confirmed a proposed move (proposed by ${p['proposer'] ?? ''})`,
    proposal_confirmed_unnamed: () => 'Confirmed a proposed move',
    response_logged: (p, day) => `Response of ${day(p['receivedOn'])}: ${p['summary'] ?? ''}`,
  },
  es: {
    deadline_passed: () => 'El plazo venció sin respuesta.',
    deadline_passed_before_sending: () => 'El plazo ya había vencido cuando la campaña se marcó como enviada.',
    proposal_confirmed: (p) => `Se confirmó un cambio propuesto (propuesto por ${p['proposer'] ?? ''})`,
    proposal_confirmed_unnamed: () => 'Se confirmó un cambio propuesto',
    response_logged: (p, day) => `Respuesta del ${day(p['receivedOn'])}: ${p['summary'] ?? ''}`,
  },
};

/**
 * A system note in words, for what the server writes itself (e-mails in the recipient's language,
 * webhook payloads in English). The dashboard words the same keys from its own dictionaries
 * (frontend demands/system-note.ts); shared/src/system-notes.ts says what each key means.
 */
export function systemNoteText(locale: Locale, note: SystemNote): string {
  return WORDS[locale][note.key](note.params, (day) => dayIn(locale, day));
}

/** A calendar day (YYYY-MM-DD) as the language writes it ("2 May 2025", "2 de mayo de 2025"). */
function dayIn(locale: Locale, day: string | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day ?? '';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}
