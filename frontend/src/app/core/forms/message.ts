import type { TranslationKey, TranslationParams } from '../i18n/dictionary';
import type { I18n } from '../i18n/i18n';

/**
 * Something to tell the person about a form: a translation key (with its placeholders), or a
 * text the API wrote (its field `details` are English sentences without a code to translate by).
 */
export type Message = { readonly key: TranslationKey; readonly params?: TranslationParams } | { readonly text: string };

export function message(key: TranslationKey, params?: TranslationParams): Message {
  return params ? { key, params } : { key };
}

/** The text of `m` in the active locale (reads the locale signal: re-renders on a switch). */
export function textOf(i18n: I18n, m: Message): string {
  return 'key' in m ? i18n.translate(m.key, m.params) : m.text;
}
