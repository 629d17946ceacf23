import { ChangeDetectionStrategy, Component, ElementRef, Injector, effect, inject, linkedSignal, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { LoadMore, PagedList } from '../admin/paged-list';
import { ApiClient } from '../core/api/api-client';
import { personDates } from '../core/dates/person-dates';
import { textOf } from '../core/forms/message';
import { FlashNotice, type FlashState } from '../core/ui/flash-notice';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { LoadStatus } from '../core/ui/load-status';
import { holderLine, institutionLabel, mayEditDirectory, type Institution, type Office } from './directory-data';
import { InstitutionForm } from './institution-form';

/**
 * `/directory`: the shared directory's institutions by name, with how many offices each has;
 * a search (`?q=`, so that "back" finds it again) looks through the institutions and, beside
 * them, through the offices by institution, title or officeholder. Coordinators and
 * administrators add an institution here, and go on to its page to add its offices.
 */
@Component({
  selector: 'dm-directory-page',
  imports: [TPipe, RouterLink, FlashNotice, LoadStatus, LoadMore, InstitutionForm],
  templateUrl: './directory-page.html',
  styleUrl: './directory-pages.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly dates = personDates();
  protected readonly mayEdit = mayEditDirectory(inject(Session).user()?.role);
  protected readonly institutionLabel = institutionLabel;

  /** What was searched for (the URL's `q`). */
  protected readonly searched = toSignal(this.route.queryParamMap.pipe(map((params) => (params.get('q') ?? '').trim())), {
    initialValue: (this.route.snapshot.queryParamMap.get('q') ?? '').trim(),
  });
  /** What is typed in the search field. */
  protected readonly query = linkedSignal(() => this.searched());
  protected readonly institutions = new PagedList<Institution>(
    (cursor) => this.api.get('/api/institutions', { params: { q: this.searched() || undefined, cursor } }),
    'directory.institution.notFound',
  );
  protected readonly offices = new PagedList<Office>(
    (cursor) => this.api.get('/api/offices', { params: { q: this.searched(), cursor } }),
    'directory.office.notFound',
  );
  protected readonly adding = signal(false);

  constructor() {
    effect(() => {
      const q = this.searched();
      untracked(() => {
        void this.institutions.load();
        if (q) void this.offices.load();
      });
    });
  }

  protected search(): void {
    const q = this.query().trim();
    void this.router.navigate([], { relativeTo: this.route, queryParams: { q: q || null } });
  }

  protected holder(office: Office): string {
    return textOf(this.i18n, holderLine(office, this.dates.day));
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected closeAdding(): void {
    this.adding.set(false);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#directory-add-toggle')?.focus());
  }

  /** The new institution's page, where its offices are added. */
  protected created(institution: Institution): void {
    const state: FlashState = { demarcheNotice: 'directory.institution.created' };
    void this.router.navigate(['institutions', institution.id], { relativeTo: this.route, state });
  }

  /** After "Load more": focus on the first new row. */
  protected focusRow(kind: 'institution' | 'office', first: { readonly id: string }): void {
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(`#${kind}-${first.id}`)?.focus());
  }
}
