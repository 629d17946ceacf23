import { CLIENT_ERROR_CODES, toApiError } from '../api/api-error';
import { HttpError } from '../api/http-error';
import { message, type Message } from './message';

/**
 * What a form shows after a failed submit: messages at fields, and one for the whole form, which
 * may concern some fields (`flagged`: marked invalid, described by the form's message).
 */
export interface Feedback<F extends string> {
  readonly fields: Readonly<Partial<Record<F, Message>>>;
  readonly form: Message | null;
  readonly flagged?: readonly F[];
}

export const NO_FEEDBACK: Feedback<never> = { fields: {}, form: null };

/**
 * The API's answers to a write made on a view that someone else changed meanwhile (a status moved,
 * a demand added, a proposal decided): unless a page words one itself, each says "changed by someone
 * else — reload", never a generic error.
 */
export const CHANGED_ELSEWHERE_CODES: readonly string[] = [
  'stale_status',
  'stale_order',
  'already_decided',
  'invitation_decided',
  'superseded',
];

/**
 * How a page words an API error code: for the whole form; at one field (`{ field, message }`);
 * or for the form, flagging fields without saying which is wrong (`{ message, flag }`).
 */
export type CodeMessage<F extends string> =
  Message | { readonly field: F; readonly message: Message } | { readonly message: Message; readonly flag: readonly F[] };

export type CodeMessages<F extends string> = Readonly<Partial<Record<string, CodeMessage<F>>>>;

/**
 * Turns a failed API call into feedback for a form with fields `fields`:
 * - the page's own wording for the error code (`invalid_credentials` → "E-mail or password is
 *   wrong"), at a field or for the form;
 * - 429: "Too many attempts; try again in N minutes", N from `Retry-After`;
 * - a write on something changed meanwhile (CHANGED_ELSEWHERE_CODES): "changed by someone else — reload";
 * - `details` of a validation error at their fields; details about other fields, for the form;
 * - otherwise a translated sentence for what went wrong, with the code and request id to quote.
 */
export function feedbackFor<F extends string>(error: unknown, fields: readonly F[], codes: CodeMessages<F> = {}): Feedback<F> {
  const apiError = toApiError(error);
  const known = codes[apiError.code];
  if (known) {
    if ('field' in known) {
      return { fields: { [known.field]: known.message } as Partial<Record<F, Message>>, form: null };
    }
    return 'flag' in known ? { ...formMessage(known.message), flagged: known.flag } : formMessage(known);
  }
  if (apiError.statusCode === 429) {
    return formMessage(message('form.error.rateLimited', { minutes: retryAfterMinutes(error) }));
  }
  if (apiError.statusCode === 409 && CHANGED_ELSEWHERE_CODES.includes(apiError.code)) {
    return formMessage(message('form.error.changedElsewhere'));
  }
  const atFields: Partial<Record<F, Message>> = {};
  const elsewhere: string[] = [];
  for (const detail of apiError.details ?? []) {
    const field = fields.find((f) => f === detail.field);
    // The API's detail messages are English fragments ("must be longer than…") with no code to
    // translate by: quote them inside a translated sentence.
    if (field && !atFields[field]) {
      atFields[field] = message('form.error.field', { problem: detail.message });
    } else if (!field) {
      elsewhere.push(`${detail.field} ${detail.message}`);
    }
  }
  if (Object.keys(atFields).length > 0 || elsewhere.length > 0) {
    return { fields: atFields, form: elsewhere.length > 0 ? message('form.error.invalid', { problems: elsewhere.join(' ') }) : null };
  }
  switch (apiError.code) {
    case CLIENT_ERROR_CODES.network:
      return formMessage(message('form.error.network'));
    case 'csrf_invalid':
      return formMessage(message('form.error.sessionChanged'));
    case 'unauthenticated':
      return formMessage(message('form.error.signedOut'));
    default:
      return formMessage(
        message(apiError.requestId ? 'form.error.unexpectedWithId' : 'form.error.unexpected', {
          code: apiError.code,
          requestId: apiError.requestId,
        }),
      );
  }
}

function formMessage<F extends string>(form: Message): Feedback<F> {
  return { fields: {} as Partial<Record<F, Message>>, form };
}

/**
 * Whole minutes to wait, rounded up, from a 429's `Retry-After` (seconds, or an HTTP date);
 * 1 when the header is missing or unreadable.
 */
export function retryAfterMinutes(error: unknown, now: number = Date.now()): number {
  const header = error instanceof HttpError ? error.headers.get('retry-after')?.trim() : undefined;
  let seconds = Number.NaN;
  if (header && /^\d+$/.test(header)) {
    seconds = Number(header);
  } else if (header) {
    seconds = (Date.parse(header) - now) / 1000;
  }
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : 1;
}
