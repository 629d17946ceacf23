/**
 * Notes the system writes on a demand's status change (issue 19: "texts the system writes are
 * stored as keys with parameters"): stored as a key and its parameters, worded in the reader's
 * language when read — the dashboard from its dictionaries, e-mails and webhooks on the server —
 * never stored in English. A note a person writes is stored as they wrote it.
 */
export const SYSTEM_NOTE_KEYS = [
  /** The deadline passed with no response (the worker's move to `no_response`). */
  'deadline_passed',
  /** The deadline had passed before the campaign was marked as sent (its move to `no_response`). */
  'deadline_passed_before_sending',
  /** A coordinator confirmed a member's proposed move; `proposer`: who proposed it. */
  'proposal_confirmed',
  /** The same, when the proposer's account no longer exists. */
  'proposal_confirmed_unnamed',
  /** A response logged with the move; `receivedOn` (YYYY-MM-DD) and `summary` (its first 200 characters). */
  'response_logged',
] as const;
export type SystemNoteKey = (typeof SYSTEM_NOTE_KEYS)[number];

/** A system note: its key, and its parameters as strings (names as they were when it was written). */
export interface SystemNote {
  readonly key: SystemNoteKey;
  readonly params: Readonly<Record<string, string>>;
}

export function isSystemNoteKey(value: unknown): value is SystemNoteKey {
  return typeof value === 'string' && (SYSTEM_NOTE_KEYS as readonly string[]).includes(value);
}
