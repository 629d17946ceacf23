import type { Message } from './message';

/** A rule a field's value must follow, and what to say when it does not. */
export interface Check<F extends string> {
  readonly message: Message;
  /** True when `value` breaks the rule; `values` holds the form's other fields. */
  readonly fails: (value: string, values: Readonly<Record<F, string>>) => boolean;
}

/** The API's password rule: 12 to 256 characters. (Length, not composition: NIST SP 800-63B.) */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function required<F extends string>(message: Message): Check<F> {
  return { message, fails: (value) => value.trim() === '' };
}

/**
 * Something@something, no spaces: catches typos without refusing unusual but valid addresses.
 * The API has the last word.
 */
export function emailAddress<F extends string>(message: Message): Check<F> {
  return { message, fails: (value) => value.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(value.trim()) };
}

/** 12–256 characters, counted as the person sees them (an emoji is one). Empty is `required`'s job. */
export function passwordLength<F extends string>(message: Message): Check<F> {
  return {
    message,
    fails: (value) => {
      const length = [...value].length;
      return length > 0 && (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH);
    },
  };
}

/** The value repeats field `other` (a password confirmation). */
export function sameAs<F extends string>(other: F, message: Message): Check<F> {
  return { message, fails: (value, values) => value !== '' && value !== values[other] };
}
