/**
 * Runtime translation for the dashboard — how it works
 *
 * - Dictionaries are plain TypeScript objects with flat dotted keys (`'home.title'`).
 *   `en.ts` is the source; every other locale is typed `Dictionary`
 *   (= `Record<keyof typeof en, string>`), so a missing or extra key fails the build.
 * - `locales.ts` lists the supported locales. Each dictionary, English included, is loaded on
 *   demand with a dynamic `import()` and is a lazy chunk, so the initial bundle does not grow
 *   with the dashboard's text (ADR 0002 bundled English at first; the account pages made that
 *   cost 9 kB of initial bundle, and start-up now waits for `GET /api/me` anyway).
 * - This service holds the active locale and its dictionary in one signal. `translate()` reads
 *   that signal, so any template, `computed` or effect that translates re-runs when the locale
 *   changes — no event bus, no zone.js, works with OnPush.
 * - Start-up (`init()`, run by an app initializer before the first render so nobody sees a flash
 *   of English): the choice saved in localStorage (`demarche.locale`), else the browser's
 *   `navigator.language`, else English. Only an explicit choice (`setLocale`) is saved.
 * - `<html lang>` follows the active locale, for screen readers and hyphenation.
 * - An unknown key shows as itself, so a gap is visible but harmless. (Every dictionary has every
 *   key — the `Dictionary` type sees to that — so there is nothing to fall back to English for.)
 *   Before `init()` has finished no dictionary is loaded and every key shows as itself: the app
 *   initializer makes sure nothing renders before then.
 *
 * Why not `@angular/localize`: it builds one bundle per locale and switches by reloading a
 * different URL; coalition members switch languages mid-session, and the API server serves a
 * single build. Why not a library: this is ~100 lines and typed end to end.
 */
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';

import type { Dictionary, TranslationKey, TranslationParams } from './dictionary';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isLocale, loadDictionary, matchLocale, type Locale } from './locales';

export const LOCALE_STORAGE_KEY = 'demarche.locale';

/** Until the first dictionary has loaded. */
const NOTHING_LOADED: Readonly<Record<string, string>> = {};

@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly state = signal<{ locale: Locale; dictionary: Readonly<Record<string, string>> }>({
    locale: DEFAULT_LOCALE,
    dictionary: NOTHING_LOADED,
  });
  /** Increases with each switch so that a slow dictionary load cannot override a later choice. */
  private generation = 0;

  readonly locales = SUPPORTED_LOCALES;
  /** The active locale. */
  readonly locale = computed(() => this.state().locale);

  /** Picks the initial locale (saved choice, then browser language, then English) and loads it. */
  async init(): Promise<void> {
    const initial = this.readSavedLocale() ?? this.browserLocale() ?? DEFAULT_LOCALE;
    try {
      await this.activate(initial);
    } catch (error) {
      console.error(`Could not load the "${initial}" translations; using English.`, error);
      await this.activate(DEFAULT_LOCALE);
    }
  }

  /** Switches to `locale` once its dictionary has loaded, and remembers the choice. */
  async setLocale(locale: Locale): Promise<void> {
    if (!(await this.activate(locale))) {
      return; // overtaken by a later choice, which is the one to remember
    }
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage can be disabled (privacy modes); the choice then lasts for this page only.
    }
  }

  /**
   * The text for `key` in the active locale, with `{name}` placeholders filled from `params`.
   * Reads the locale signal: callers in a reactive context update when the locale changes.
   */
  translate(key: TranslationKey, params?: TranslationParams): string {
    const text = this.state().dictionary[key] ?? key;
    return params ? interpolate(text, params) : text;
  }

  /** Whether `key` is a translation key (route titles may also be plain text). */
  has(key: string): key is TranslationKey {
    return Object.hasOwn(this.state().dictionary, key);
  }

  /** Loads and applies `locale`; false when a later switch started meanwhile and won. */
  private async activate(locale: Locale): Promise<boolean> {
    const generation = ++this.generation;
    const dictionary: Dictionary = await loadDictionary(locale);
    if (generation !== this.generation) {
      return false;
    }
    this.state.set({ locale, dictionary });
    this.document.documentElement.lang = locale;
    return true;
  }

  private readSavedLocale(): Locale | undefined {
    try {
      const saved = this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY);
      return isLocale(saved) ? saved : undefined;
    } catch {
      return undefined;
    }
  }

  private browserLocale(): Locale | undefined {
    const navigator = this.document.defaultView?.navigator;
    if (!navigator) {
      return undefined;
    }
    for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
      const match = matchLocale(tag);
      if (match) {
        return match;
      }
    }
    return undefined;
  }
}

function interpolate(text: string, params: TranslationParams): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}
