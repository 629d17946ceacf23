import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';

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
              page: this.i18n.has(key) ? this.i18n.translate(key) : key,
            }),
      );
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot));
  }
}
