import { Directive, ElementRef, computed, effect, inject, input } from '@angular/core';

import type { Field } from './form-state';

/**
 * `<input [dmField]="state.fields.email">`: two-way binds the control to the field's signal,
 * names it after the field, and sets `aria-invalid` and `aria-describedby` (the field's hint,
 * `dmHint="<id>"`, then the message about it) whenever the form has something to say about it.
 *
 * The value is written to the element by an effect that compares with what the element holds,
 * not by a `[value]` binding: a binding compares with what it last wrote, so after typing (no
 * check in between) a reset to the value it last wrote would be skipped.
 *
 * For a `<select>`, also bind `[selected]` on its options: on the first render the select's value
 * is written before its `@for` options exist.
 */
@Directive({
  selector: 'input[dmField], select[dmField], textarea[dmField]',
  host: {
    '[attr.name]': 'dmField().name',
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

  constructor() {
    const element = inject<ElementRef<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>>(ElementRef).nativeElement;
    effect(() => {
      const value = this.dmField().value();
      if (element.value !== value) {
        element.value = value;
      }
    });
  }

  protected update(event: Event): void {
    const field = this.dmField();
    const value = (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
    if (value !== field.value()) {
      field.value.set(value);
      field.form.edited(field.name);
    }
  }
}
