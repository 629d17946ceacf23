import { Injector, computed, signal, type WritableSignal } from '@angular/core';

import { focusAfterRender } from '../ui/focus-after-render';
import type { Check } from './checks';
import { NO_FEEDBACK, feedbackFor, type CodeMessages, type Feedback } from './form-feedback';
import type { Message } from './message';

/** A field of a form: its value, and what the `[dmField]` directive needs from the form. */
export interface Field {
  readonly name: string;
  readonly value: WritableSignal<string>;
  readonly form: FieldOwner;
}

/** The part of `FormState` that `[dmField]` uses. */
export interface FieldOwner {
  /** The id of the message that explains what is wrong with `field`, if anything is. */
  problemId(field: string): string | null;
  /** `field` was edited: what was said about it alone no longer holds. */
  edited(field: string): void;
}

export interface FieldSpec<F extends string> {
  readonly value?: string;
  /** Checked in order on submit; the first that fails is shown. */
  readonly checks?: readonly Check<F>[];
}

/**
 * A form whose fields are signals: checks on this side first, then one request at a time, then
 * what went wrong, at the fields it concerns. Templates bind controls with `[dmField]` and read
 * `submitting()`, `errors()` and `formError()`.
 *
 * Why not `@angular/forms`: measured on this app, Reactive Forms adds 4 kB to the *initial*
 * bundle (the Angular core features its directives need end up in the shared core chunk) plus a
 * 44 kB lazy chunk, and the experimental Signal Forms adds 8.6 kB to the initial bundle. These
 * forms need text fields, selects, required/format/match checks and server errors at fields.
 *
 * Element ids follow from the form's `id`: `<id>-<field>-error` for a field's message,
 * `<id>-alert` for the form's.
 */
export class FormState<F extends string> implements FieldOwner {
  private readonly feedback = signal<Feedback<F>>(NO_FEEDBACK);
  readonly submitting = signal(false);
  readonly errors = computed(() => this.feedback().fields);
  readonly formError = computed(() => this.feedback().form);
  readonly alertId: string;
  readonly fields: { readonly [K in F]: Field };
  private readonly names: readonly F[];

  /** @param host the component's element, to move focus to the first field in error */
  constructor(
    readonly id: string,
    private readonly specs: { readonly [K in F]: FieldSpec<NoInfer<F>> },
    private readonly injector: Injector,
    private readonly host: HTMLElement,
  ) {
    this.alertId = `${id}-alert`;
    this.names = Object.keys(specs) as F[];
    const fields: Partial<Record<F, Field>> = {};
    for (const name of this.names) {
      fields[name] = { name, value: signal(specs[name].value ?? ''), form: this };
    }
    this.fields = fields as Record<F, Field>;
  }

  /** The values of every field, now. */
  values(): Record<F, string> {
    return Object.fromEntries(this.names.map((name) => [name, this.fields[name].value()])) as Record<F, string>;
  }

  /** Sets the given fields (e.g. to what the server saved, or empty after a password change). */
  setValues(values: Readonly<Partial<Record<F, string>>>): void {
    for (const name of this.names) {
      const value = values[name];
      if (value !== undefined) {
        this.fields[name].value.set(value);
      }
    }
  }

  errorId(field: F): string {
    return `${this.id}-${field}-error`;
  }

  problemId(field: string): string | null {
    const { fields, form, flagged } = this.feedback();
    if (fields[field as F]) {
      return this.errorId(field as F);
    }
    return form && flagged?.includes(field as F) ? this.alertId : null;
  }

  /**
   * Submits: if a field breaks a check, shows why and focuses it; else runs `send` (ignored while
   * a submit is under way) and turns its failure into feedback. True when `send` succeeded.
   */
  async submit(send: () => Promise<unknown>, codes: CodeMessages<F> = {}): Promise<boolean> {
    if (this.submitting()) {
      return false;
    }
    const fields = this.check();
    if (fields) {
      this.show({ fields, form: null });
      return false;
    }
    this.feedback.set(NO_FEEDBACK);
    this.submitting.set(true);
    try {
      await send();
      return true;
    } catch (error) {
      this.show(feedbackFor(error, this.names, codes));
      return false;
    } finally {
      this.submitting.set(false);
    }
  }

  edited(field: string): void {
    const feedback = this.feedback();
    if (feedback.fields[field as F]) {
      const fields = { ...feedback.fields };
      delete fields[field as F];
      this.feedback.set({ ...feedback, fields });
    }
  }

  /** Forgets every message. */
  clearFeedback(): void {
    this.feedback.set(NO_FEEDBACK);
  }

  private check(): Partial<Record<F, Message>> | null {
    const values = this.values();
    const fields: Partial<Record<F, Message>> = {};
    for (const name of this.names) {
      const failed = this.specs[name].checks?.find((check) => check.fails(values[name], values));
      if (failed) {
        fields[name] = failed.message;
      }
    }
    return Object.keys(fields).length > 0 ? fields : null;
  }

  private show(feedback: Feedback<F>): void {
    this.feedback.set(feedback);
    const first = this.names.find((name) => feedback.fields[name]);
    if (first) {
      focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
    }
  }
}
