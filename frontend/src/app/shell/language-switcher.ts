import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { isLocale } from '../core/i18n/locales';
import { Session } from '../core/session/session';

/** A labelled `<select>` of the supported locales, each named in its own language. */
@Component({
  selector: 'dm-language-switcher',
  template: `
    <label class="label" for="language-select">{{ t('shell.language.label') }}</label>
    <select id="language-select" class="select" #select (change)="choose(select)">
      @for (locale of i18n.locales; track locale.code) {
        <option [value]="locale.code" [attr.lang]="locale.code" [selected]="locale.code === i18n.locale()">
          {{ locale.nativeName }}
        </option>
      }
    </select>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: var(--space-2);
    }
    .label {
      font-weight: 600;
    }
    .select {
      min-height: 2.75rem;
      padding: var(--space-1) var(--space-2);
      border: 2px solid var(--color-text-muted);
      border-radius: var(--radius);
      background: var(--color-bg);
      color: var(--color-text);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitcher {
  protected readonly i18n = inject(I18n);
  /** Translates as the `t` pipe does (less code in the initial bundle: see `Shell`). */
  protected readonly t = (key: TranslationKey): string => this.i18n.translate(key);
  private readonly session = inject(Session);

  protected choose(select: HTMLSelectElement): void {
    const value = select.value;
    if (!isLocale(value)) {
      return;
    }
    this.i18n
      .setLocale(value)
      .then(
        // Signed in, the profile's language is the one that counts: keep it in step.
        () => (this.session.signedIn() ? this.session.saveLocale(value) : undefined),
        (error: unknown) => {
          console.error(`Could not switch to "${value}"`, error);
          select.value = this.i18n.locale(); // show the language still in use
        },
      )
      .catch((error: unknown) => console.error(`Could not save "${value}" as the profile's language`, error));
  }
}
