import type { Dictionary } from './dictionary';
import { en } from './en';

/**
 * The locales the dashboard speaks. Adding one (say French) is one dictionary file (`fr.ts`,
 * typed `Dictionary`) plus one line here; the `Locale` type, the language switcher and the
 * detection of the browser language follow from this list.
 *
 * English is bundled (it is the fallback); every other dictionary is a lazy chunk.
 */
export const SUPPORTED_LOCALES = [
  { code: 'en', nativeName: 'English', load: () => Promise.resolve(en) },
  { code: 'es', nativeName: 'Español', load: () => import('./es').then((m) => m.es) },
] as const satisfies readonly LocaleDefinition[];

export interface LocaleDefinition {
  /** BCP 47 primary language subtag, also written to `<html lang>`. */
  readonly code: string;
  /** The language's name in that language, as shown in the switcher. */
  readonly nativeName: string;
  readonly load: () => Promise<Dictionary>;
}

export type Locale = (typeof SUPPORTED_LOCALES)[number]['code'];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return SUPPORTED_LOCALES.some((l) => l.code === value);
}

/** Maps a browser language tag such as `es-MX` to a supported locale, if any. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

export function loadDictionary(locale: Locale): Promise<Dictionary> {
  const definition = SUPPORTED_LOCALES.find((l) => l.code === locale);
  return definition ? definition.load() : Promise.resolve(en);
}
