import { Directive, computed, input } from '@angular/core';

import type { Field } from './form-state';

/**
 * `<input [dmField]="state.fields.email">`: two-way binds the control to the field's signal,
 * names it after the field, and sets `aria-invalid` and `aria-describedby` (the field's hint,
 * `dmHint="<id>"`, then the message about it) whenever the form has something to say about it.
 *
 * For a `<select>`, also bind `[selected]` on its options: the select's value is set before
 * its `@for` options exist on the first render.
 */
@Directive({
  selector: 'input[dmField], select[dmField], textarea[dmField]',
  host: {
    '[attr.name]': 'dmField().name',
    '[value]': 'dmField().value()',
    '(input)': 'update($event)',
    '(change)': 'update($event)',
    '[attr.aria-invalid]': "problemId() ? 'true' : null",
    '[attr.aria-describedby]': 'describedBy()',
  },
})
export class BindField {
  readonly dmField = input.required<Field>();
  readonly dmHint = input<string>();

  protected readonly problemId = computed(() => this.dmField().form.problemId(this.dmField().name));
  protected readonly describedBy = computed(() => [this.dmHint(), this.problemId()].filter(Boolean).join(' ') || null);

  protected update(event: Event): void {
    const field = this.dmField();
    const value = (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
    if (value !== field.value()) {
      field.value.set(value);
      field.form.edited(field.name);
    }
  }
}
