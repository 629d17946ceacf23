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
import { BindField } from '../core/forms/bind-field';
import { emailAddress, required, type Check } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { ORGANIZATION_KIND_CHOICES, kindKey, type NewOrganization, type Organization } from './admin-data';

type Field = 'name' | 'country' | 'kind' | 'contactEmail' | 'website';

/** Numbers the forms, so that the create form and an edit form have distinct element ids. */
let sequence = 0;

/** Two letters (ISO 3166-1 alpha-2), either case: the form sends them in capitals. Empty passes. */
const countryCode: Check<Field> = {
  message: message('admin.organizations.form.country.invalid'),
  fails: (value) => value.trim() !== '' && !/^[a-z]{2}$/i.test(value.trim()),
};

/**
 * An organization's name, country, kind, contact e-mail and website: adds one
 * (`POST /api/organizations`) or, given `organization`, edits it (`PATCH`). Empty optional fields
 * are saved as "not given". The API's complaints show at their fields.
 */
@Component({
  selector: 'dm-organization-form',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
      @if (state.formError(); as error) {
        <dm-form-alert [id]="state.alertId" [message]="error" />
      }
      <div class="field">
        <label class="field__label" [for]="id('name')">{{ 'admin.organizations.form.name' | t }}</label>
        <input class="input" required maxlength="200" autocomplete="off" [id]="id('name')" [dmField]="state.fields.name" />
        @if (state.errors().name; as error) {
          <dm-field-error [id]="state.errorId('name')" [message]="error" />
        }
      </div>
      <div class="row">
        <div class="field">
          <label class="field__label" [for]="id('country')">{{ 'admin.organizations.form.country' | t }}</label>
          <p class="field__hint" [id]="id('country') + '-hint'">{{ 'admin.organizations.form.country.hint' | t }}</p>
          <input
            class="input input--short"
            maxlength="2"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            [id]="id('country')"
            [dmField]="state.fields.country"
            [dmHint]="id('country') + '-hint'"
          />
          @if (state.errors().country; as error) {
            <dm-field-error [id]="state.errorId('country')" [message]="error" />
          }
        </div>
        <div class="field">
          <label class="field__label" [for]="id('kind')">{{ 'admin.organizations.form.kind' | t }}</label>
          <select class="input" [id]="id('kind')" [dmField]="state.fields.kind">
            @for (kind of kinds; track kind) {
              <option [value]="kind" [selected]="kind === state.fields.kind.value()">{{ kindKey(kind) | t }}</option>
            }
          </select>
          @if (state.errors().kind; as error) {
            <dm-field-error [id]="state.errorId('kind')" [message]="error" />
          }
        </div>
      </div>
      <div class="field">
        <label class="field__label" [for]="id('contactEmail')">{{ 'admin.organizations.form.contactEmail' | t }}</label>
        <input
          class="input"
          type="email"
          maxlength="320"
          autocomplete="off"
          spellcheck="false"
          [id]="id('contactEmail')"
          [dmField]="state.fields.contactEmail"
        />
        @if (state.errors().contactEmail; as error) {
          <dm-field-error [id]="state.errorId('contactEmail')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" [for]="id('website')">{{ 'admin.organizations.form.website' | t }}</label>
        <p class="field__hint" [id]="id('website') + '-hint'">{{ 'admin.organizations.form.website.hint' | t }}</p>
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
        @if (organization()) {
          <button dmSubmit [busy]="state.submitting()" label="form.save" busyLabel="form.saving"></button>
          <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'form.cancel' | t }}</button>
        } @else {
          <button
            dmSubmit
            [busy]="state.submitting()"
            label="admin.organizations.form.create"
            busyLabel="admin.organizations.form.creating"
          ></button>
        }
      </div>
    </form>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
    }
    .row .field {
      flex: 1 1 12rem;
    }
    .input--short {
      max-width: 6rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationForm implements AfterViewInit {
  private readonly api = inject(ApiClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** The organization to edit; none to add one. */
  readonly organization = input<Organization | null>(null);
  readonly saved = output<Organization>();
  readonly cancelled = output();
  protected readonly kinds = ORGANIZATION_KIND_CHOICES;
  protected readonly kindKey = kindKey;

  protected readonly state = new FormState<Field>(
    `organization-form-${++sequence}`,
    {
      name: { checks: [required(message('admin.organizations.form.name.required'))] },
      country: { checks: [countryCode] },
      kind: { value: 'ngo' },
      contactEmail: { checks: [emailAddress(message('field.email.invalid'))] },
      website: {},
    },
    inject(Injector),
    this.host,
  );

  constructor() {
    effect(() => {
      const organization = this.organization();
      if (organization) {
        untracked(() =>
          this.state.setValues({
            name: organization.name,
            country: organization.country ?? '',
            kind: organization.kind,
            contactEmail: organization.contactEmail ?? '',
            website: organization.website ?? '',
          }),
        );
      }
    });
  }

  /** Editing opens in place of the organization's details: start at its first field. */
  ngAfterViewInit(): void {
    if (this.organization()) {
      this.host.querySelector<HTMLElement>('input')?.focus();
    }
  }

  protected id(field: Field): string {
    return `${this.state.id}-${field}`;
  }

  protected async submit(): Promise<void> {
    const v = this.state.values();
    const body: NewOrganization = {
      name: v.name.trim(),
      kind: this.kinds.find((kind) => kind === v.kind) ?? 'other',
      country: v.country.trim().toUpperCase() || null,
      contactEmail: v.contactEmail.trim() || null,
      website: v.website.trim() || null,
    };
    const editing = this.organization();
    let result: Organization | undefined;
    const done = await this.state.submit(
      async () => {
        result = editing
          ? await firstValueFrom(this.api.patch('/api/organizations/{id}', body, { pathParams: { id: editing.id } }))
          : await firstValueFrom(this.api.post('/api/organizations', body));
      },
      { name_taken: { field: 'name', message: message('admin.organizations.form.name.taken') } },
    );
    if (done && result) {
      if (!editing) {
        this.state.setValues({ name: '', country: '', kind: 'ngo', contactEmail: '', website: '' });
      }
      this.saved.emit(result);
    }
  }
}
