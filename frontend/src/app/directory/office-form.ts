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
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import type { CodeMessages } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, textOf } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { firstOverlap, officeBody, termSpan, type Office, type OfficeField } from './directory-data';
import { DIRECTORY_CODES } from './institution-form';

let sequence = 0;

/**
 * An office of an institution: its title, and whether it is a body of members (a council's
 * members: their terms may overlap) rather than one officeholder at a time. Given `office`, edits
 * it (`PATCH`; making a collective office individual is refused while its terms overlap, and the
 * form names them); else, as a fieldset of `dm-add-office`, adds one to an institution (`save(id)`).
 * `<form dmOfficeForm>` or `<fieldset dmOfficeForm>`, as `InstitutionForm`.
 */
@Component({
  selector: 'form[dmOfficeForm], fieldset[dmOfficeForm]',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    @if (!standalone) {
      <legend class="legend">{{ 'directory.office.legend' | t }}</legend>
    }
    @if (state.formError(); as error) {
      <dm-form-alert [id]="state.alertId" [message]="error" />
    }
    <div class="field">
      <label class="field__label" [for]="id('title')">{{ 'directory.office.title' | t }}</label>
      <p class="field__hint" [id]="id('title') + '-hint'">{{ 'directory.office.title.hint' | t }}</p>
      <input
        class="input"
        required
        maxlength="200"
        autocomplete="off"
        [id]="id('title')"
        [dmField]="state.fields.title"
        [dmHint]="id('title') + '-hint'"
      />
      @if (state.errors().title; as error) {
        <dm-field-error [id]="state.errorId('title')" [message]="error" />
      }
    </div>
    <div class="field">
      <div class="choice">
        <input
          type="checkbox"
          name="isCollective"
          [id]="id('isCollective')"
          [checked]="state.fields.isCollective.value() === 'true'"
          [attr.aria-invalid]="state.problemId('isCollective') ? 'true' : null"
          [attr.aria-describedby]="collectiveDescribedBy()"
          (change)="setCollective($event)"
        />
        <label [for]="id('isCollective')">{{ 'directory.office.collective.label' | t }}</label>
      </div>
      <p class="field__hint" [id]="id('isCollective') + '-hint'">{{ 'directory.office.collective.hint' | t }}</p>
      @if (state.errors().isCollective; as error) {
        <dm-field-error [id]="state.errorId('isCollective')" [message]="error" />
      }
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
      <div class="form__actions">
        <button dmSubmit [busy]="state.submitting()" label="form.save" busyLabel="form.saving"></button>
        <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'form.cancel' | t }}</button>
      </div>
    }
  `,
  host: { '[class.form]': 'standalone', '[attr.novalidate]': "standalone ? '' : null", '(submit)': 'submitted($event)' },
  styleUrl: './directory-forms.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficeForm implements AfterViewInit {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly dates = personDates();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** The office to edit; none to add one (through `save(institutionId)`). */
  readonly office = input<Office | null>(null);
  /** A form of its own (else a fieldset in another form). */
  protected readonly standalone = this.host.tagName === 'FORM';
  readonly saved = output<Office>();
  readonly cancelled = output();

  protected readonly state = new FormState<OfficeField>(
    `office-form-${++sequence}`,
    {
      title: { checks: [required(message('directory.office.title.required'))] },
      isCollective: {},
      source: {},
    },
    inject(Injector),
    this.host,
  );

  constructor() {
    effect(() => {
      const office = this.office();
      if (office) {
        untracked(() =>
          this.state.setValues({ title: office.title, isCollective: office.isCollective ? 'true' : '', source: office.source ?? '' }),
        );
      }
    });
  }

  ngAfterViewInit(): void {
    if (this.standalone) {
      this.host.querySelector<HTMLElement>('input')?.focus();
    }
  }

  /** Shows what is missing, without sending anything; true when nothing is. */
  check(): Promise<boolean> {
    return this.state.submit(() => Promise.resolve());
  }

  /** Sends the office: `PATCH` when editing, else `POST` to `institutionId`. The saved office, or null. */
  async save(institutionId?: string): Promise<Office | null> {
    const body = officeBody(this.state.values());
    const editing = this.office();
    let result: Office | undefined;
    const done = await this.state.submit(async () => {
      if (editing) {
        result = await firstValueFrom(this.api.patch('/api/offices/{id}', body, { pathParams: { id: editing.id } }));
      } else if (institutionId) {
        result = await firstValueFrom(this.api.post('/api/institutions/{id}/offices', body, { pathParams: { id: institutionId } }));
      }
    }, this.codes(editing));
    return done && result ? result : null;
  }

  protected id(field: OfficeField): string {
    return `${this.state.id}-${field}`;
  }

  protected collectiveDescribedBy(): string {
    return [`${this.id('isCollective')}-hint`, this.state.problemId('isCollective')].filter(Boolean).join(' ');
  }

  protected setCollective(event: Event): void {
    this.state.setValues({ isCollective: (event.target as HTMLInputElement).checked ? 'true' : '' });
    this.state.edited('isCollective');
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
   * The API's refusals in words: a title the institution has already; and, for an office made
   * individual while its terms overlap, which terms (when this page knows them; else the API's own words).
   */
  private codes(editing: Office | null): CodeMessages<OfficeField> {
    const clash = editing ? firstOverlap(editing.terms) : null;
    return {
      ...DIRECTORY_CODES,
      title_taken: { field: 'title', message: message('directory.office.title.taken') },
      not_found: message(editing ? 'directory.office.gone' : 'directory.institution.gone'),
      ...(clash
        ? {
            terms_overlap: {
              field: 'isCollective',
              message: message('directory.office.collective.overlap', {
                name: clash.holderName,
                span: this.span(clash),
              }),
            },
          }
        : {}),
    };
  }

  private span(term: Office['terms'][number]): string {
    return textOf(this.i18n, termSpan(term, this.dates.day));
  }
}
