import { isSystemNoteKey, type SystemNoteKey } from '@demarche/shared';

import type { TranslationKey } from '../core/i18n/dictionary';
import type { I18n } from '../core/i18n/i18n';

const KEYS = {
  deadline_passed: 'demand.systemNote.deadlinePassed',
  deadline_passed_before_sending: 'demand.systemNote.deadlinePassedBeforeSending',
  proposal_confirmed: 'demand.systemNote.proposalConfirmed',
  proposal_confirmed_unnamed: 'demand.systemNote.proposalConfirmedUnnamed',
  response_logged: 'demand.systemNote.responseLogged',
} as const satisfies Record<SystemNoteKey, TranslationKey>;

/**
 * A note the system wrote on a status change (stored as a key with parameters; shared/src/
 * system-notes.ts), in the reader's language. `day` words a calendar day ("2 May 2025"). Null for
 * what is not a system note (an audit row's `after.systemNote` is read as unknown).
 */
export function systemNoteText(i18n: I18n, day: (isoDay: string) => string, note: unknown): string | null {
  if (typeof note !== 'object' || note === null) return null;
  const { key, params } = note as { key?: unknown; params?: unknown };
  if (!isSystemNoteKey(key)) return null;
  const p = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const text = (name: string): string => (typeof p[name] === 'string' ? (p[name] as string) : '');
  switch (key) {
    case 'proposal_confirmed':
      return i18n.translate(KEYS[key], { proposer: text('proposer') });
    case 'response_logged':
      return i18n.translate(KEYS[key], {
        date: /^\d{4}-\d{2}-\d{2}$/.test(text('receivedOn')) ? day(text('receivedOn')) : '',
        summary: text('summary'),
      });
    case 'deadline_passed':
    case 'deadline_passed_before_sending':
    case 'proposal_confirmed_unnamed':
      return i18n.translate(KEYS[key]);
  }
}
