import { ChangeDetectionStrategy, Component, computed, input, type Signal } from '@angular/core';

import { BindField } from '../core/forms/bind-field';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength, required, sameAs } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import type { Field, FieldSpec } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';

/** The API's password rule, as the hint and the length message put it. */
const LENGTHS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/**
 * The fields of a new password — `field`, named as the API names it — and of its confirmation,
 * `confirm`: required, 12 to 256 characters, the same twice. Spread into a `FormState`'s fields,
 * and show them with `<dm-new-password-fields>`.
 */
export function newPasswordSpecs<P extends string>(field: P): { readonly [K in P | 'confirm']: FieldSpec<P | 'confirm'> } {
  const specs: Record<string, FieldSpec<P | 'confirm'>> = {
    [field]: {
      checks: [required(message('field.newPassword.required')), passwordLength(message('field.newPassword.length', LENGTHS))],
    },
    confirm: {
      checks: [required(message('field.confirmPassword.required')), sameAs(field, message('field.confirmPassword.mismatch'))],
    },
  };
  return specs as { readonly [K in P | 'confirm']: FieldSpec<P | 'confirm'> };
}

/** What the fields need of their `FormState` (made with `newPasswordSpecs(field)`). */
export interface NewPasswordForm<P extends string> {
  readonly id: string;
  readonly fields: { readonly [K in P | 'confirm']: Field };
  readonly errors: Signal<Readonly<Partial<Record<P | 'confirm', Message>>>>;
  errorId(field: P | 'confirm'): string;
}

/**
 * `<dm-new-password-fields [form]="state" field="password" />`: the new password, with the rule as
 * a hint, and the password again; each labelled, `autocomplete="new-password"` for password
 * managers, and with its message, if any, where `[dmField]` points `aria-describedby`.
 *
 * Ids: the password's control is `<form id>-<field>` (or `inputId`), its hint that id plus
 * `-hint`; the confirmation's control is `<form id>-confirm`.
 */
@Component({
  selector: 'dm-new-password-fields',
  imports: [TPipe, BindField, FieldError],
  template: `
    @let state = form();
    <div class="field">
      <label class="field__label" [for]="passwordId()">{{ label() | t }}</label>
      <p class="field__hint" [id]="hintId()">{{ 'field.newPassword.hint' | t: lengths }}</p>
      <input
        class="input"
        type="password"
        autocomplete="new-password"
        required
        [id]="passwordId()"
        [dmField]="state.fields[field()]"
        [dmHint]="hintId()"
      />
      @if (state.errors()[field()]; as error) {
        <dm-field-error [id]="state.errorId(field())" [message]="error" />
      }
    </div>
    <div class="field">
      <label class="field__label" [for]="confirmId()">{{ 'field.confirmPassword' | t }}</label>
      <input class="input" type="password" autocomplete="new-password" required [id]="confirmId()" [dmField]="state.fields.confirm" />
      @if (state.errors().confirm; as error) {
        <dm-field-error [id]="state.errorId('confirm')" [message]="error" />
      }
    </div>
  `,
  // The two fields are items of the form's column, spaced like the others.
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFields<P extends string> {
  readonly form = input.required<NewPasswordForm<P>>();
  /** The new password's field, as the API names it (`password`, `newPassword`). */
  readonly field = input.required<P>();
  readonly label = input<TranslationKey>('field.newPassword');
  /** The password control's id, when it is not `<form id>-<field>`. */
  readonly inputId = input<string>();

  protected readonly lengths = LENGTHS;
  protected readonly passwordId = computed(() => this.inputId() ?? `${this.form().id}-${this.field()}`);
  protected readonly hintId = computed(() => `${this.passwordId()}-hint`);
  protected readonly confirmId = computed(() => `${this.form().id}-confirm`);
}
