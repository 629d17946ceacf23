import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { loadFor } from '../core/api/load-state';
import { personDates } from '../core/dates/person-dates';
import { message, textOf, type Message } from '../core/forms/message';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { FlashNotice } from '../core/ui/flash-notice';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { LoadStatus } from '../core/ui/load-status';
import { routeParam } from '../demands/route-param';
import { AddOffice } from './add-office';
import { holderLine, mayEditDirectory, withOffice, type Institution, type InstitutionDetail, type Office } from './directory-data';
import { InstitutionForm } from './institution-form';

/**
 * `/directory/institutions/:institutionId`: an institution — its abbreviation, the time zone of
 * its seat, its website — and its offices with who holds each. Coordinators and administrators
 * edit its details in place and add an office (with its current holder, if known).
 */
@Component({
  selector: 'dm-institution-page',
  imports: [TPipe, RouterLink, FlashNotice, LoadStatus, InstitutionForm, AddOffice],
  templateUrl: './institution-page.html',
  styleUrl: './directory-pages.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly dates = personDates();
  protected readonly mayEdit = mayEditDirectory(inject(Session).user()?.role);

  protected readonly institutionId = routeParam('institutionId');
  private readonly loaded = loadFor(
    () => this.institutionId(),
    (id) => firstValueFrom(this.api.get('/api/institutions/{id}', { pathParams: { id } })),
    'directory.institution.notFound',
  );
  protected readonly state = this.loaded.state;
  /** The institution as loaded, then as this page changed it (details saved, offices added). */
  protected readonly institution = linkedSignal<InstitutionDetail | null>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value : null;
  });
  protected readonly editing = signal(false);
  protected readonly addingOffice = signal(false);
  protected readonly notice = signal<Message | null>(null);

  protected reload(): Promise<void> {
    return this.loaded.reload();
  }

  protected noticeText(notice: Message): string {
    return textOf(this.i18n, notice);
  }

  protected holder(office: Office): string {
    return textOf(this.i18n, holderLine(office, this.dates.day));
  }

  protected startEditing(): void {
    this.notice.set(null);
    this.addingOffice.set(false);
    this.editing.set(true);
  }

  protected stopEditing(): void {
    this.editing.set(false);
    this.focus('#institution-edit');
  }

  protected edited(saved: Institution): void {
    this.institution.update((institution) => (institution ? { ...institution, ...saved } : institution));
    this.notice.set(message('directory.institution.saved'));
    this.stopEditing();
  }

  protected toggleAddOffice(): void {
    this.notice.set(null);
    this.editing.set(false);
    this.addingOffice.update((open) => !open);
  }

  protected closeAddOffice(): void {
    this.addingOffice.set(false);
    this.focus('#office-add-toggle');
  }

  /** The new office joins the list, by title; focus goes to it. */
  protected officeAdded(office: Office): void {
    this.institution.update((institution) =>
      institution
        ? { ...institution, offices: withOffice(institution.offices, office), officeCount: institution.officeCount + 1 }
        : institution,
    );
    this.addingOffice.set(false);
    this.notice.set(message('directory.office.added', { title: office.title }));
    this.focus(`#office-${office.id}`);
  }

  private focus(selector: string): void {
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(selector)?.focus());
  }
}
