import type { Locale, SystemNote } from '@demarche/shared';

/**
 * A system note in words, for what the server writes itself (e-mails in the recipient's language,
 * webhook payloads in English). The dashboard words the same keys from its own dictionaries
 * (frontend demands/system-note.ts); shared/src/system-notes.ts says what each key means.
 */
export function systemNoteText(locale: Locale, note: SystemNote): string {
  const p = note.params;
  const es = locale === 'es';
  switch (note.key) {
    case 'deadline_passed':
      return es ? 'El plazo venció sin respuesta.' : 'The deadline passed with no response.';
    case 'deadline_passed_before_sending':
      return es
        ? 'El plazo ya había vencido cuando la campaña se marcó como enviada.'
        : 'The deadline had passed when the campaign was marked as sent.';
    case 'proposal_confirmed':
      return es
        ? `Se confirmó un cambio propuesto (propuesto por ${p['proposer'] ?? ''})`
        : `Confirmed a proposed move (proposed by ${p['proposer'] ?? ''})`;
    case 'proposal_confirmed_unnamed':
      return es ? 'Se confirmó un cambio propuesto' : 'Confirmed a proposed move';
    case 'response_logged':
      return es
        ? `Respuesta del ${dayIn(locale, p['receivedOn'])}: ${p['summary'] ?? ''}`
        : `Response of ${dayIn(locale, p['receivedOn'])}: ${p['summary'] ?? ''}`;
  }
}

/** A calendar day (YYYY-MM-DD) as the language writes it ("29 April 2025", "29 de abril de 2025"). */
function dayIn(locale: Locale, day: string | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day ?? '';
  return new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}
