import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { textOf, type Message } from './message';

/**
 * A form-level message. `kind="error"` is an alert (announced at once); `kind="ok"` a polite
 * status, for "Saved." and the like.
 */
@Component({
  selector: 'dm-form-alert',
  template: `{{ text() }}`,
  host: {
    class: 'alert',
    '[class.alert--error]': "kind() === 'error'",
    '[class.alert--ok]': "kind() === 'ok'",
    '[attr.role]': "kind() === 'error' ? 'alert' : 'status'",
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormAlert {
  private readonly i18n = inject(I18n);
  readonly message = input.required<Message>();
  readonly kind = input<'error' | 'ok'>('error');
  protected readonly text = computed(() => textOf(this.i18n, this.message()));
}
