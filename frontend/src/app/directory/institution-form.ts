import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
  type AfterViewInit,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { zoneChoices } from '../core/dates/time-zones';
import { ApiClient } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { institutionBody, type Institution, type InstitutionField } from './directory-data';

/** Numbers the forms: two on one page have distinct element ids. */
let sequence = 0;

/** How the directory's forms word the API's refusals they share. */
export const DIRECTORY_CODES = { forbidden: message('directory.notAllowed') };

/**
 * An institution: name, abbreviation, the time zone of its seat (deadlines set for its offices
 * default to it) and website. Given `institution`, edits it (`PATCH`); else adds one (`POST`).
 *
 * `<form dmInstitutionForm>`: a form of its own, with its buttons. `<fieldset dmInstitutionForm>`:
 * the fields only, in a form that creates more than the institution (`dm-add-office`), which
 * checks them (`check()`) and sends them (`save()`) when it is their turn; the website is left
 * out there (the set-up asks only for what a deadline needs). One template for both, and no
 * `NgTemplateOutlet`, whose runtime would enter the initial bundle (ADR 0010).
 */
@Component({
  selector: 'form[dmInstitutionForm], fieldset[dmInstitutionForm]',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    @if (!standalone) {
      <legend class="legend">{{ 'directory.institution.legend' | t }}</legend>
    }
    @if (state.formError(); as error) {
      <dm-form-alert [id]="state.alertId" [message]="error" />
    }
    <div class="field">
      <label class="field__label" [for]="id('name')">{{ 'directory.institution.name' | t }}</label>
      <p class="field__hint" [id]="id('name') + '-hint'">{{ 'directory.institution.name.hint' | t }}</p>
      <input
        class="input"
        required
        maxlength="200"
        autocomplete="off"
        [id]="id('name')"
        [dmField]="state.fields.name"
        [dmHint]="id('name') + '-hint'"
      />
      @if (state.errors().name; as error) {
        <dm-field-error [id]="state.errorId('name')" [message]="error" />
      }
    </div>
    <div class="field">
      <label class="field__label" [for]="id('abbreviation')">{{ 'directory.institution.abbreviation' | t }}</label>
      <p class="field__hint" [id]="id('abbreviation') + '-hint'">{{ 'directory.institution.abbreviation.hint' | t }}</p>
      <input
        class="input input--short"
        maxlength="30"
        autocomplete="off"
        [id]="id('abbreviation')"
        [dmField]="state.fields.abbreviation"
        [dmHint]="id('abbreviation') + '-hint'"
      />
      @if (state.errors().abbreviation; as error) {
        <dm-field-error [id]="state.errorId('abbreviation')" [message]="error" />
      }
    </div>
    <div class="field">
      <label class="field__label" [for]="id('seatTimeZone')">{{ 'directory.institution.zone' | t }}</label>
      <p class="field__hint" [id]="id('seatTimeZone') + '-hint'">{{ 'directory.institution.zone.hint' | t }}</p>
      <select
        class="input"
        required
        [id]="id('seatTimeZone')"
        [dmField]="state.fields.seatTimeZone"
        [dmHint]="id('seatTimeZone') + '-hint'"
      >
        <option value="" [selected]="state.fields.seatTimeZone.value() === ''">{{ 'directory.institution.zone.choose' | t }}</option>
        @for (zone of zones(); track zone) {
          <option [value]="zone" [selected]="zone === state.fields.seatTimeZone.value()">{{ zone }}</option>
        }
      </select>
      @if (state.errors().seatTimeZone; as error) {
        <dm-field-error [id]="state.errorId('seatTimeZone')" [message]="error" />
      }
    </div>
    @if (standalone) {
      <div class="field">
        <label class="field__label" [for]="id('website')">{{ 'directory.institution.website' | t }}</label>
        <p class="field__hint" [id]="id('website') + '-hint'">{{ 'directory.institution.website.hint' | t }}</p>
        <input
          class="input"
          type="url"
          maxlength="2000"
          autocomplete="off"
          spellcheck="false"
          [id]="id('website')"
          [dmField]="state.fields.website"
          [dmHint]="id('website') + '-hint'"
        />
        @if (state.errors().website; as error) {
          <dm-field-error [id]="state.errorId('website')" [message]="error" />
        }
      </div>
      <div class="form__actions">
        @if (institution()) {
          <button dmSubmit [busy]="state.submitting()" label="form.save" busyLabel="form.saving"></button>
        } @else {
          <button
            dmSubmit
            [busy]="state.submitting()"
            label="directory.institution.create"
            busyLabel="directory.institution.creating"
          ></button>
        }
        <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'form.cancel' | t }}</button>
      </div>
    }
  `,
  host: { '[class.form]': 'standalone', '[attr.novalidate]': "standalone ? '' : null", '(submit)': 'submitted($event)' },
  styleUrl: './directory-forms.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionForm implements AfterViewInit {
  private readonly api = inject(ApiClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** The institution to edit; none to add one. */
  readonly institution = input<Institution | null>(null);
  /** A form of its own (else a fieldset in another form). */
  protected readonly standalone = this.host.tagName === 'FORM';
  readonly saved = output<Institution>();
  readonly cancelled = output();

  protected readonly state = new FormState<InstitutionField>(
    `institution-form-${++sequence}`,
    {
      name: { checks: [required(message('directory.institution.name.required'))] },
      abbreviation: {},
      seatTimeZone: { checks: [required(message('directory.institution.zone.required'))] },
      website: {},
    },
    inject(Injector),
    this.host,
  );
  protected readonly zones = computed(() => zoneChoices(this.state.fields.seatTimeZone.value()));

  constructor() {
    effect(() => {
      const institution = this.institution();
      if (institution) {
        untracked(() =>
          this.state.setValues({
            name: institution.name,
            abbreviation: institution.abbreviation ?? '',
            seatTimeZone: institution.seatTimeZone,
            website: institution.website ?? '',
          }),
        );
      }
    });
  }

  /** Editing opens in place of the details, and adding at a person's request: start at the first field. */
  ngAfterViewInit(): void {
    if (this.standalone) {
      this.host.querySelector<HTMLElement>('input')?.focus();
    }
  }

  /** Shows what is missing, without sending anything; true when nothing is. */
  check(): Promise<boolean> {
    return this.state.submit(() => Promise.resolve());
  }

  /** Sends the institution (`PATCH` or `POST`); its problems show at its fields. The saved institution, or null. */
  async save(): Promise<Institution | null> {
    const body = institutionBody(this.state.values());
    const editing = this.institution();
    let result: Institution | undefined;
    const done = await this.state.submit(
      async () => {
        result = editing
          ? await firstValueFrom(this.api.patch('/api/institutions/{id}', body, { pathParams: { id: editing.id } }))
          : await firstValueFrom(this.api.post('/api/institutions', body));
      },
      {
        ...DIRECTORY_CODES,
        name_taken: { field: 'name', message: message('directory.institution.name.taken') },
        not_found: message('directory.institution.gone'),
      },
    );
    return done && result ? result : null;
  }

  protected id(field: InstitutionField): string {
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
}
