import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { TranslationKey } from '../i18n/dictionary';
import { TPipe } from '../i18n/t-pipe';

/**
 * `<button dmSubmit [busy]="state.submitting()" label="signIn.submit" busyLabel="signIn.submitting">`:
 * a form's submit button, which says so while the form is sending. It is then `aria-disabled`,
 * not `disabled`, so that it keeps focus and its place in the tab order; `FormState.submit`
 * ignores a second submit meanwhile.
 */
@Component({
  selector: 'button[dmSubmit]',
  imports: [TPipe],
  template: `{{ (busy() ? busyLabel() : label()) | t }}`,
  host: { type: 'submit', class: 'button', '[attr.aria-disabled]': 'busy()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitButton {
  readonly busy = input.required<boolean>();
  readonly label = input.required<TranslationKey>();
  readonly busyLabel = input.required<TranslationKey>();
}
