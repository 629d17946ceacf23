import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';

import type { TranslationKey } from './dictionary';
import { en } from './en';
import { I18n } from './i18n';

/**
 * Routes declare `title: 'home.title'` (a translation key); the document title becomes
 * "Overview · Demarche" in the active locale and follows later locale switches.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly pageKey = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const key = this.pageKey();
      const name = this.i18n.translate('app.name');
      this.title.setTitle(
        key === undefined
          ? name
          : this.i18n.translate('app.pageTitle', {
              page: isTranslationKey(key) ? this.i18n.translate(key) : key,
            }),
      );
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot));
  }
}

function isTranslationKey(value: string): value is TranslationKey {
  return Object.hasOwn(en, value);
}
