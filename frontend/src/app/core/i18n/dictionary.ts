import type { en } from './en';

/** A key of the source (English) dictionary, e.g. `'home.title'`. */
export type TranslationKey = keyof typeof en;

/** A complete translation: exactly the keys of the English dictionary. */
export type Dictionary = Readonly<Record<TranslationKey, string>>;

/** Values for `{name}` placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;
