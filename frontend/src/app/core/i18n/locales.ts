import type { Dictionary } from './dictionary';

/**
 * The locales the dashboard speaks. Adding one (say French): a dictionary `fr.ts` typed
 * `Dictionary` that spreads each feature's `<feature>.fr.ts`, plus one line here; the `Locale`
 * type, the language switcher and the detection of the browser language follow from this list.
 * The whole checklist, API and e-mails included: docs/adding-a-language.md.
 *
 * Every dictionary, English included, is a lazy chunk: only the one in use is downloaded, and
 * the initial bundle does not grow with each new page's text. Start-up loads it in parallel with
 * the session check (`GET /api/me`), which the first render waits for anyway.
 */
export const SUPPORTED_LOCALES = [
  { code: 'en', nativeName: 'English', load: () => import('./en').then((m) => m.en) },
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
  const definition = SUPPORTED_LOCALES.find((l) => l.code === locale) ?? SUPPORTED_LOCALES[0];
  return definition.load();
}
