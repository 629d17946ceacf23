import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  effect,
  inject,
  input,
  output,
  untracked,
  type AfterViewInit,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { personDates } from '../core/dates/person-dates';
import { BindField } from '../core/forms/bind-field';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import type { CodeMessages } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, textOf } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import {
  clashingTerm,
  endsNotBeforeStart,
  holderRequired,
  isBlankTerm,
  termBody,
  termSpan,
  type Term,
  type TermField,
} from './directory-data';
import { DIRECTORY_CODES } from './institution-form';

let sequence = 0;

/**
 * An officeholder's term: who, from which day, to which day (either may be unknown; an open end
 * is a term still running). Given `term`, edits it (`PATCH /api/terms/{id}`); else adds one to an
 * office (`POST /api/offices/{id}/terms`, `officeId` or `save(officeId)`). The terms of an
 * individual office may not overlap: the API refuses (409 `terms_overlap`), and the form says at
 * the start date whose term they overlap.
 *
 * `<form dmTermForm>` or `<fieldset dmTermForm>`, as `InstitutionForm`. `optional`: in
 * `dm-add-office`, the current holder may be left out altogether.
 */
@Component({
  selector: 'form[dmTermForm], fieldset[dmTermForm]',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    @if (!standalone) {
      <legend class="legend">{{ 'directory.term.legend' | t }}</legend>
      <p class="field__hint">{{ 'directory.term.legend.hint' | t }}</p>
    }
    @if (state.formError(); as error) {
      <dm-form-alert [id]="state.alertId" [message]="error" />
    }
    <div class="field">
      <label class="field__label" [for]="id('holderName')">{{ 'directory.term.holderName' | t }}</label>
      <input
        class="input"
        maxlength="200"
        autocomplete="off"
        [attr.required]="optional() ? null : ''"
        [id]="id('holderName')"
        [dmField]="state.fields.holderName"
      />
      @if (state.errors().holderName; as error) {
        <dm-field-error [id]="state.errorId('holderName')" [message]="error" />
      }
    </div>
    <div class="row">
      <div class="field">
        <label class="field__label" [for]="id('startsOn')">{{ 'directory.term.startsOn' | t }}</label>
        <p class="field__hint" [id]="id('startsOn') + '-hint'">{{ 'directory.term.startsOn.hint' | t }}</p>
        <input class="input" type="date" [id]="id('startsOn')" [dmField]="state.fields.startsOn" [dmHint]="id('startsOn') + '-hint'" />
        @if (state.errors().startsOn; as error) {
          <dm-field-error [id]="state.errorId('startsOn')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" [for]="id('endsOn')">{{ 'directory.term.endsOn' | t }}</label>
        <p class="field__hint" [id]="id('endsOn') + '-hint'">{{ 'directory.term.endsOn.hint' | t }}</p>
        <input class="input" type="date" [id]="id('endsOn')" [dmField]="state.fields.endsOn" [dmHint]="id('endsOn') + '-hint'" />
        @if (state.errors().endsOn; as error) {
          <dm-field-error [id]="state.errorId('endsOn')" [message]="error" />
        }
      </div>
    </div>
    @if (standalone) {
      <div class="field">
        <label class="field__label" [for]="id('source')">{{ 'directory.source' | t }}</label>
        <p class="field__hint" [id]="id('source') + '-hint'">{{ 'directory.source.hint' | t }}</p>
        <input
          class="input"
          maxlength="500"
          autocomplete="off"
          [id]="id('source')"
          [dmField]="state.fields.source"
          [dmHint]="id('source') + '-hint'"
        />
        @if (state.errors().source; as error) {
          <dm-field-error [id]="state.errorId('source')" [message]="error" />
        }
      </div>
      @if (term()) {
        <p class="field__hint">{{ 'directory.term.edit.hint' | t }}</p>
      }
      <div class="form__actions">
        @if (term()) {
          <button dmSubmit [busy]="state.submitting()" label="form.save" busyLabel="form.saving"></button>
        } @else {
          <button dmSubmit [busy]="state.submitting()" label="directory.term.create" busyLabel="directory.term.creating"></button>
        }
        <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'form.cancel' | t }}</button>
      </div>
    }
  `,
  host: { '[class.form]': 'standalone', '[attr.novalidate]': "standalone ? '' : null", '(submit)': 'submitted($event)' },
  styleUrl: './directory-forms.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermForm implements AfterViewInit {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly dates = personDates();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** The term to edit; none to add one. */
  readonly term = input<Term | null>(null);
  /** The office a new term is added to (standalone; `dm-add-office` passes it to `save`). */
  readonly officeId = input<string | null>(null);
  /** The office's terms, to name the one an overlapping term collides with. */
  readonly terms = input<readonly Term[]>([]);
  /** A form of its own (else a fieldset in another form). */
  protected readonly standalone = this.host.tagName === 'FORM';
  /** The whole term may be left blank (then `isBlank()`, and nothing is sent). */
  readonly optional = input(false);
  readonly saved = output<Term>();
  readonly cancelled = output();

  protected readonly state = new FormState<TermField>(
    `term-form-${++sequence}`,
    {
      holderName: { checks: [holderRequired(message('directory.term.holderName.required'), () => this.optional())] },
      startsOn: {},
      endsOn: { checks: [endsNotBeforeStart(message('directory.term.endsOn.beforeStart'))] },
      source: {},
    },
    inject(Injector),
    this.host,
  );

  constructor() {
    effect(() => {
      const term = this.term();
      if (term) {
        untracked(() =>
          this.state.setValues({
            holderName: term.holderName,
            startsOn: term.startsOn ?? '',
            endsOn: term.endsOn ?? '',
            source: term.source ?? '',
          }),
        );
      }
    });
  }

  ngAfterViewInit(): void {
    if (this.standalone) {
      this.host.querySelector<HTMLElement>('input')?.focus();
    }
  }

  /** Nothing typed: an optional term is left out. */
  isBlank(): boolean {
    return isBlankTerm(this.state.values());
  }

  /** Shows what is missing or wrong, without sending anything; true when nothing is. */
  check(): Promise<boolean> {
    return this.state.submit(() => Promise.resolve());
  }

  /** Sends the term: `PATCH` when editing, else `POST` to the office. The saved term, or null. */
  async save(officeId: string | null = this.officeId()): Promise<Term | null> {
    const values = this.state.values();
    const body = termBody(values);
    const editing = this.term();
    let result: Term | undefined;
    const done = await this.state.submit(
      async () => {
        if (editing) {
          result = await firstValueFrom(this.api.patch('/api/terms/{id}', body, { pathParams: { id: editing.id } }));
        } else if (officeId) {
          result = await firstValueFrom(this.api.post('/api/offices/{id}/terms', body, { pathParams: { id: officeId } }));
        }
      },
      this.codes(body, editing),
    );
    return done && result ? result : null;
  }

  protected id(field: TermField): string {
    return `${this.state.id}-${field}`;
  }

  protected submitted(event: Event): void {
    event.preventDefault();
    if (this.standalone) {
      void this.submit();
    }
  }

  private async submit(): Promise<void> {
    const saved = await this.save();
    if (saved) {
      this.saved.emit(saved);
    }
  }

  /**
   * A term overlapping another of an individual office: the API refuses it and names the other
   * term at the start date (its words, in English), unless this page knows the term it collides
   * with — then it says so in the person's language.
   */
  private codes(days: { startsOn?: string | null; endsOn?: string | null }, editing: Term | null): CodeMessages<TermField> {
    const clash = clashingTerm({ startsOn: days.startsOn ?? null, endsOn: days.endsOn ?? null }, this.terms(), editing?.id ?? null);
    return {
      ...DIRECTORY_CODES,
      not_found: message(editing ? 'directory.term.gone' : 'directory.office.gone'),
      ...(clash
        ? {
            terms_overlap: {
              field: 'startsOn',
              message: message('directory.term.overlap', {
                name: clash.holderName,
                span: textOf(this.i18n, termSpan(clash, this.dates.day)),
              }),
            },
          }
        : {}),
    };
  }
}
