import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ConfirmAction } from '../admin/confirm-action';
import { ApiClient } from '../core/api/api-client';
import { loadFor } from '../core/api/load-state';
import { personDates } from '../core/dates/person-dates';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, textOf, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { LoadStatus } from '../core/ui/load-status';
import { routeParam } from '../demands/route-param';
import { holderLine, mayEditDirectory, termSpan, type HolderOnDay, type Office, type Term } from './directory-data';
import { DIRECTORY_CODES } from './institution-form';
import { OfficeForm } from './office-form';
import { TermForm } from './term-form';

/**
 * `/directory/offices/:officeId`: an office — its institution, whether it is a collective body,
 * who holds it now — and every term of its holders, by date; who held it on a given day.
 * Coordinators and administrators edit the office, and add, correct or delete (after a
 * confirmation) its terms; the terms of an individual office may not overlap, and the form
 * names the term a new one would overlap.
 */
@Component({
  selector: 'dm-office-page',
  imports: [TPipe, RouterLink, BindField, FieldError, FormAlert, SubmitButton, LoadStatus, ConfirmAction, OfficeForm, TermForm],
  templateUrl: './office-page.html',
  styleUrl: './directory-pages.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficePage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly dates = personDates();
  protected readonly mayEdit = mayEditDirectory(inject(Session).user()?.role);

  protected readonly officeId = routeParam('officeId');
  private readonly loaded = loadFor(
    () => this.officeId(),
    (id) => firstValueFrom(this.api.get('/api/offices/{id}', { pathParams: { id } })),
    'directory.office.notFound',
  );
  protected readonly state = this.loaded.state;
  /** The office as loaded, then as edited here. */
  protected readonly office = linkedSignal<Office | null>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value : null;
  });
  protected readonly backLink = computed(() => {
    const office = this.office();
    return office ? ['/directory/institutions', office.institutionId] : ['/directory'];
  });

  protected readonly notice = signal<Message | null>(null);
  protected readonly editingOffice = signal(false);
  protected readonly addingTerm = signal(false);
  /** The term being corrected, or awaiting the confirmation of its deletion. */
  protected readonly editingTerm = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<Message | null>(null);

  /** "Who held it on…": the day asked about and the answer. */
  protected readonly lookup = new FormState<'on'>(
    'holder-on',
    { on: { checks: [required(message('directory.holderOn.required'))] } },
    inject(Injector),
    this.host,
  );
  protected readonly heldOn = signal<HolderOnDay | null>(null);

  protected reload(): Promise<void> {
    return this.loaded.reload();
  }

  protected text(notice: Message): string {
    return textOf(this.i18n, notice);
  }

  protected holder(office: Office): string {
    return textOf(this.i18n, holderLine(office, this.dates.day));
  }

  protected span(term: Pick<Term, 'startsOn' | 'endsOn'>): string {
    return textOf(this.i18n, termSpan(term, this.dates.day));
  }

  /** "On 1 Jan 2020: Luis Almagro (…)." — in code, not the template: a three-key literal there would add Angular's `pureFunction3` to the initial bundle. */
  protected heldOnText(answer: HolderOnDay): string {
    const date = this.dates.day(answer.on);
    return answer.term
      ? this.i18n.translate('directory.holderOn.answer', { date, name: answer.term.holderName, span: this.span(answer.term) })
      : this.i18n.translate('directory.holderOn.nobody', { date });
  }

  // ——— the office ———

  protected startEditingOffice(): void {
    this.closeAll();
    this.editingOffice.set(true);
  }

  protected stopEditingOffice(): void {
    this.editingOffice.set(false);
    this.focus('#office-edit');
  }

  protected officeEdited(saved: Office): void {
    this.office.set(saved);
    this.notice.set(message('directory.office.saved'));
    this.stopEditingOffice();
  }

  // ——— its terms ———

  protected toggleAddTerm(): void {
    const opening = !this.addingTerm();
    this.closeAll();
    this.addingTerm.set(opening);
  }

  protected closeAddTerm(): void {
    this.addingTerm.set(false);
    this.focus('#term-add-toggle');
  }

  protected async termAdded(term: Term): Promise<void> {
    this.addingTerm.set(false);
    await this.refresh();
    this.notice.set(message('directory.term.added', { name: term.holderName }));
    this.focus(`#term-${term.id}`);
  }

  protected startEditingTerm(term: Term): void {
    this.closeAll();
    this.editingTerm.set(term.id);
  }

  protected stopEditingTerm(term: Term): void {
    this.editingTerm.set(null);
    this.focus(`[data-term-id="${term.id}"] [data-action="edit"]`);
  }

  protected async termEdited(term: Term): Promise<void> {
    await this.refresh();
    this.notice.set(message('directory.term.saved', { name: term.holderName }));
    this.stopEditingTerm(term);
  }

  protected askDelete(term: Term): void {
    this.closeAll();
    this.confirming.set(term.id);
  }

  protected cancelDelete(term: Term): void {
    this.confirming.set(null);
    this.deleteError.set(null);
    this.focus(`[data-term-id="${term.id}"] [data-action="delete"]`);
  }

  protected async deleteTerm(term: Term): Promise<void> {
    if (this.deleting()) return;
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await firstValueFrom(this.api.delete('/api/terms/{id}', { pathParams: { id: term.id } }));
    } catch (error) {
      this.deleteError.set(feedbackFor(error, [], { ...DIRECTORY_CODES, not_found: message('directory.term.gone') }).form);
      this.deleting.set(false);
      return;
    }
    this.deleting.set(false);
    this.confirming.set(null);
    await this.refresh();
    this.notice.set(message('directory.term.deleted', { name: term.holderName }));
    this.focus('#office-terms-heading');
  }

  // ——— who held it on a day ———

  protected async lookUp(): Promise<void> {
    const on = this.lookup.values().on;
    const office = this.office();
    if (!office) return;
    this.heldOn.set(null);
    let answer: HolderOnDay | undefined;
    const done = await this.lookup.submit(async () => {
      answer = await firstValueFrom(this.api.get('/api/offices/{id}/holder', { pathParams: { id: office.id }, params: { on } }));
    });
    if (done && answer) {
      this.heldOn.set(answer);
    }
  }

  /** After a change of its terms: the office again (its current holder, its terms in order). */
  private async refresh(): Promise<void> {
    if (!(await this.loaded.refresh())) {
      await this.loaded.reload();
    }
  }

  private closeAll(): void {
    this.notice.set(null);
    this.editingOffice.set(false);
    this.addingTerm.set(false);
    this.editingTerm.set(null);
    this.confirming.set(null);
    this.deleteError.set(null);
  }

  private focus(selector: string): void {
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(selector)?.focus());
  }
}
