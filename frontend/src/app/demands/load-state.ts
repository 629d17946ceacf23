import { toApiError } from '../core/api/api-error';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';

/** Something a page loads: on its way, failed (with what to say), or there. */
export type LoadState<T> =
  { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: Message } | { readonly kind: 'ready'; readonly value: T };

export const LOADING: LoadState<never> = { kind: 'loading' };

/**
 * What to say when loading failed: `notFound` for a 404 (the API also answers 404 for what the
 * person may not see), else the usual sentence (network, signed out, unexpected with request id).
 */
export function loadError(error: unknown, notFound: TranslationKey): LoadState<never> {
  const text = toApiError(error).statusCode === 404 ? message(notFound) : (feedbackFor(error, []).form ?? message('form.error.unexpected'));
  return { kind: 'error', message: text };
}
