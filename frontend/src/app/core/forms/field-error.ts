import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { textOf, type Message } from './message';

/**
 * The message under a field that was not accepted. Give it an `id` and point the field's
 * `aria-describedby` at it (with `aria-invalid="true"`), so screen readers read it with the field.
 */
@Component({
  selector: 'dm-field-error',
  template: `
    <svg class="field-error__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 4v5M8 11.5v.5" stroke="#fff" stroke-width="2" stroke-linecap="round" />
    </svg>
    <span>{{ text() }}</span>
  `,
  host: { class: 'field-error' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldError {
  private readonly i18n = inject(I18n);
  readonly message = input.required<Message>();
  protected readonly text = computed(() => textOf(this.i18n, this.message()));
}
