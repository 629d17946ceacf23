import { DOCUMENT, computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import type { TranslationKey } from './dictionary';
import { I18n, LOCALE_STORAGE_KEY } from './i18n';
import { matchLocale } from './locales';

describe('I18n', () => {
  let languages: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    localStorage.clear();
    languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en']);
    TestBed.configureTestingModule({});
  });

  afterEach(() => {
    languages.mockRestore();
    localStorage.clear();
    document.documentElement.lang = 'en';
  });

  function create(): I18n {
    return TestBed.inject(I18n);
  }

  it('starts in English when nothing is saved and the browser prefers English', async () => {
    const i18n = create();
    await i18n.init();
    expect(i18n.locale()).toBe('en');
    expect(i18n.translate('home.title')).toBe('Overview');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
  });

  it('defaults to the browser language when it is supported', async () => {
    languages.mockReturnValue(['es-MX', 'en']);
    const i18n = create();
    await i18n.init();
    expect(i18n.locale()).toBe('es');
    expect(i18n.translate('home.title')).toBe('Resumen');
  });

  it('falls back to English for an unsupported browser language', async () => {
    languages.mockReturnValue(['de-DE', 'ja']);
    const i18n = create();
    await i18n.init();
    expect(i18n.locale()).toBe('en');
  });

  it('prefers the saved choice over the browser language and ignores garbage', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'es');
    const i18n = create();
    await i18n.init();
    expect(i18n.locale()).toBe('es');

    TestBed.resetTestingModule();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'klingon');
    const other = create();
    await other.init();
    expect(other.locale()).toBe('en');
  });

  it('switches to Spanish: loads the dictionary, sets <html lang> and saves the choice', async () => {
    const i18n = create();
    await i18n.init();
    const heading = computed(() => i18n.translate('home.heading'));
    expect(heading()).toBe('Welcome to Demarche');

    await i18n.setLocale('es');

    expect(i18n.locale()).toBe('es');
    expect(heading()).toBe('Le damos la bienvenida a Demarche');
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('es');
  });

  it('does not save the locale it merely detected', async () => {
    languages.mockReturnValue(['es']);
    await create().init();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
  });

  it('keeps the last choice when switches overlap', async () => {
    const i18n = create();
    const toSpanish = i18n.setLocale('es');
    const toEnglish = i18n.setLocale('en');
    await Promise.all([toSpanish, toEnglish]);
    expect(i18n.locale()).toBe('en');
    expect(i18n.translate('home.title')).toBe('Overview');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('returns the key itself for an unknown key, and for every key before a dictionary has loaded', async () => {
    const i18n = create();
    expect(i18n.translate('home.title')).toBe('home.title');
    expect(i18n.has('home.title')).toBe(false);
    await i18n.init();
    expect(i18n.translate('no.such.key' as TranslationKey)).toBe('no.such.key');
    expect(i18n.has('no.such.key')).toBe(false);
    expect(i18n.has('home.title')).toBe(true);
  });

  it('fills {name} placeholders and leaves unknown ones visible', async () => {
    const i18n = create();
    await i18n.init();
    expect(i18n.translate('status.version', { version: '1.2.3' })).toBe('API version 1.2.3');
    expect(i18n.translate('app.pageTitle', { other: 'x' })).toBe('{page} · Demarche');
    await i18n.setLocale('es');
    expect(i18n.translate('status.version', { version: '1.2.3' })).toBe('Versión de la API: 1.2.3');
  });
});

describe('matchLocale', () => {
  it('maps region and script variants to the supported primary language', () => {
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('EN_us')).toBe('en');
    expect(matchLocale('fr-FR')).toBeUndefined();
    expect(matchLocale(undefined)).toBeUndefined();
  });
});
