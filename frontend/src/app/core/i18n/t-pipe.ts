import { Pipe, inject, type PipeTransform } from '@angular/core';

import type { TranslationKey, TranslationParams } from './dictionary';
import { I18n } from './i18n';

/**
 * `{{ 'home.title' | t }}` or `{{ 'status.version' | t: { version } }}`.
 *
 * Impure on purpose: a pure pipe is memoised on its arguments, so it would not run again when
 * only the locale changes (the key is the same string). As an impure pipe it runs on every check
 * of its view, and because `translate()` reads the locale signal during that check, the signal
 * registers the view as a consumer: switching locale marks exactly the views that show text for
 * refresh, OnPush and zoneless included. The work per call is one object lookup (plus
 * placeholder filling when params are given), so running it on each check costs nothing
 * measurable. The key is typed, so with strict templates a misspelt key fails the build.
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.translate(key, params);
  }
}
