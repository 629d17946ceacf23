import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { loadFor } from '../core/api/load-state';
import { allPages } from '../core/api/pages';
import { BindField } from '../core/forms/bind-field';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';
import { LoadStatus } from '../core/ui/load-status';
import { institutionLabel, remainingKey, type Institution, type Office, type Term } from './directory-data';
import { InstitutionForm } from './institution-form';
import { OfficeForm } from './office-form';
import { TermForm } from './term-form';

let sequence = 0;

/** Where the office goes: an institution of the directory, or a new one. */
export type InstitutionMode = 'existing' | 'new';

/**
 * Adds an office to the directory in one go: its institution (one of the directory's, or a new
 * one), the office, and — optionally — its current holder's term; then answers the office as
 * `GET /api/offices/{id}` gives it (with its current holder). Given `institution`, the office goes
 * there and the institution is not asked for.
 *
 * The parts are created in that order, each by its own request. When one fails, what was created
 * stays (and shows as done: it is not created again on the next try), the part that failed shows
 * why at its fields, and a status says what is still to do.
 *
 * `<form dmAddOffice>`, or `<div dmAddOffice role="group">` inside another form (the set-up's
 * demand form), where a form may not be. Either way Enter in a field adds (and never submits a
 * form around it). Its parts are always rendered, hidden when not asked for, so that the button
 * can hand them to `submit` (a view query would put its runtime in the initial bundle, ADR 0010).
 */
@Component({
  selector: 'form[dmAddOffice], div[dmAddOffice]',
  imports: [TPipe, BindField, FieldError, FormAlert, LoadStatus, InstitutionForm, OfficeForm, TermForm],
  templateUrl: './add-office.html',
  styleUrl: './directory-forms.css',
  host: { class: 'form', '(keydown)': 'key($event)', '(submit)': '$event.preventDefault()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddOffice {
  private readonly api = inject(ApiClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** The institution the office belongs to; none to ask. */
  readonly institution = input<Institution | null>(null);
  readonly submitLabel = input<TranslationKey>('directory.add.submit');
  readonly busyLabel = input<TranslationKey>('directory.add.submitting');
  readonly added = output<Office>();
  readonly cancelled = output();

  protected readonly choice = new FormState<'institutionId'>(
    `add-office-${++sequence}`,
    {
      institutionId: {
        checks: [{ message: message('directory.add.institution.required'), fails: (value) => this.needsChoice() && !value }],
      },
    },
    inject(Injector),
    this.host,
  );
  protected readonly modeName = `${this.choice.id}-mode`;

  private readonly loaded = loadFor(
    () => this.institution() === null,
    (ask) =>
      ask
        ? allPages((cursor) => this.api.get('/api/institutions', { params: { limit: 200, cursor } }))
        : Promise.resolve<Institution[]>([]),
    'directory.institution.notFound',
  );
  protected readonly institutions = this.loaded.state;
  /** An empty directory has nothing to choose from: a new institution, then. */
  protected readonly mode = linkedSignal<InstitutionMode>(() => {
    const state = this.institutions();
    return state.kind === 'ready' && state.value.length === 0 ? 'new' : 'existing';
  });

  /** What this form created so far: never created twice. */
  protected readonly createdInstitution = signal<Institution | null>(null);
  protected readonly createdOffice = signal<Office | null>(null);
  protected readonly createdTerm = signal<Term | null>(null);
  /** The institution the office was added to, when it was not given. */
  protected readonly usedInstitution = signal<Institution | null>(null);
  protected readonly busy = signal(false);
  /** The last try stopped at a failure. */
  private readonly stopped = signal(false);
  private readonly termWanted = signal(false);
  /** The new office could not be loaded (the last step). */
  protected readonly loadProblem = signal<Message | null>(null);

  protected readonly remaining = computed(() =>
    this.stopped()
      ? remainingKey({
          institution: this.createdInstitution() !== null,
          office: this.createdOffice() !== null,
          termWanted: this.termWanted(),
          term: this.createdTerm() !== null,
        })
      : null,
  );

  protected readonly institutionLabel = institutionLabel;

  protected reloadInstitutions(): Promise<void> {
    return this.loaded.reload();
  }

  protected setMode(mode: InstitutionMode): void {
    this.mode.set(mode);
    this.choice.clearFeedback();
  }

  /** Enter in a field adds, as in a form of its own — never submitting a form around it. */
  protected key(event: Event): void {
    if (event instanceof KeyboardEvent && event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      this.host.querySelector<HTMLButtonElement>('[data-add-submit]')?.click();
    }
  }

  /** The institution's fields are asked for: no institution given, chosen or created yet, and "a new one". */
  protected readonly asksInstitution = computed(
    () => !this.institution() && !this.createdInstitution() && !this.usedInstitution() && this.mode() === 'new',
  );

  /** Creates what is not created yet, each part checked first. */
  protected async submit(institutionForm: InstitutionForm, officeForm: OfficeForm, termForm: TermForm): Promise<void> {
    if (this.busy()) return;
    const institutionPart = this.asksInstitution() ? institutionForm : undefined;
    const officePart = this.createdOffice() ? undefined : officeForm;
    const termPart = this.createdTerm() || termForm.isBlank() ? undefined : termForm;
    const termWanted = termPart !== undefined;
    // Every part still to send is checked before anything is sent, the last first: the first part
    // in error is the one left with focus.
    const checks = [
      termPart ? await termPart.check() : true,
      officePart ? await officePart.check() : true,
      institutionPart ? await institutionPart.check() : await this.choice.submit(() => Promise.resolve()),
    ];
    if (checks.includes(false)) return;

    this.busy.set(true);
    this.stopped.set(false);
    this.loadProblem.set(null);
    this.termWanted.set(termWanted || this.createdTerm() !== null);
    try {
      const office = await this.createParts(institutionPart, officeForm, termPart);
      if (!office) {
        this.stopped.set(true);
        return;
      }
      let full: Office;
      try {
        full = await firstValueFrom(this.api.get('/api/offices/{id}', { pathParams: { id: office.id } }));
      } catch (error) {
        this.loadProblem.set(feedbackFor(error, []).form ?? message('form.error.unexpected'));
        this.stopped.set(true);
        return;
      }
      this.added.emit(full);
    } finally {
      this.busy.set(false);
    }
  }

  /** Creates, in order, what is not created yet; the office, or null when a part failed (it says why). */
  private async createParts(
    institutionForm: InstitutionForm | undefined,
    officeForm: OfficeForm,
    termForm: TermForm | undefined,
  ): Promise<Office | null> {
    let office = this.createdOffice();
    if (!office) {
      let institution = this.institution() ?? this.createdInstitution() ?? this.chosenInstitution();
      if (!institution && institutionForm) {
        institution = await institutionForm.save();
        if (institution) this.createdInstitution.set(institution);
      }
      if (!institution) return null;
      office = await officeForm.save(institution.id);
      if (!office) return null;
      this.usedInstitution.set(institution);
      this.createdOffice.set(office);
    }
    if (termForm && !this.createdTerm()) {
      const term = await termForm.save(office.id);
      if (!term) return null;
      this.createdTerm.set(term);
    }
    return office;
  }

  /** The directory's institution chosen, when the office goes to one. */
  private chosenInstitution(): Institution | null {
    const state = this.institutions();
    if (this.mode() !== 'existing' || state.kind !== 'ready') return null;
    const id = this.choice.values().institutionId;
    return state.value.find((institution) => institution.id === id) ?? null;
  }

  /** The institution is asked for, chosen from the directory, and not settled yet. */
  private needsChoice(): boolean {
    return this.institution() === null && this.createdInstitution() === null && this.createdOffice() === null && this.mode() === 'existing';
  }
}
