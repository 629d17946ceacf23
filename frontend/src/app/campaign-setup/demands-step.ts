import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ConfirmAction } from '../admin/confirm-action';
import { ApiClient } from '../core/api/api-client';
import { loadFor } from '../core/api/load-state';
import { allPages } from '../core/api/pages';
import { formatInstant } from '../core/dates/dates';
import { personDates } from '../core/dates/person-dates';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { categoryKey, priorityKey } from '../demands/demand-labels';
import { DemandForm } from './demand-form';
import {
  campaignOffices,
  copyOf,
  endingTerm,
  moveDemand,
  plural,
  runsByOffice,
  shortText,
  type Campaign,
  type Demand,
  type DemandOffice,
  type Milestone,
} from './setup-data';

/** How this step words the API's refusals. */
const ERROR_CODES = {
  stale_order: message('setup.order.stale'),
  not_draft: message('setup.error.notDraft'),
  forbidden: message('setup.notAllowed'),
};

/**
 * Step 2, "Addressees and demands": the draft's demands as the letter reads, grouped by
 * addressee (institution — office — current holder); each can be moved up or down (the whole
 * order is sent, so a change made meanwhile by someone else is caught: `stale_order`), deleted
 * after a confirmation, or copied to other addressees of the campaign. Below, the form to add one.
 */
@Component({
  selector: 'dm-demands-step',
  imports: [TPipe, FormAlert, LoadStatus, ConfirmAction, DemandForm],
  templateUrl: './demands-step.html',
  styles: `
    .runs,
    .run__demands {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .runs {
      display: flex;
      flex-direction: column;
      gap: var(--space-3);
      margin-bottom: var(--space-4);
    }
    .run__office {
      display: flex;
      flex-direction: column;
      margin: 0 0 var(--space-1);
      font-size: 1.1rem;
      overflow-wrap: anywhere;
    }
    .run__institution {
      font-size: 0.875rem;
      font-weight: 600;
      color: var(--color-text-muted);
    }
    .run__holder {
      margin: 0 0 var(--space-2);
    }
    .demand {
      padding: var(--space-3) 0;
      border-top: 1px solid var(--color-border);
    }
    .demand__text {
      margin: 0 0 var(--space-1);
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .demand__number {
      font-weight: 700;
      margin-right: var(--space-1);
    }
    .demand__meta {
      margin: 0 0 var(--space-2);
      font-size: 0.95rem;
    }
    .demand__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
    }
    .button--delete {
      color: var(--color-bad);
      border-color: var(--color-bad);
    }
    .copy {
      margin-top: var(--space-3);
    }
    .copy__group {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      margin: 0 0 var(--space-3);
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: var(--space-2);
    }
    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.15rem;
    }
    .order-error {
      margin-bottom: var(--space-3);
    }
    .add {
      margin-bottom: var(--space-4);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemandsStep {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly dates = personDates();
  readonly campaign = input.required<Campaign>();

  private readonly campaignId = computed(() => this.campaign().id);
  private readonly loaded = loadFor(
    () => this.campaignId(),
    async (id) => {
      const [demands, milestones] = await Promise.all([
        this.fetchDemands(id),
        allPages((cursor) => this.api.get('/api/campaigns/{id}/milestones', { pathParams: { id }, params: { limit: 200, cursor } })),
      ]);
      return { demands, milestones };
    },
    'setup.notFound',
  );
  protected readonly state = this.loaded.state;
  /** The demands as loaded, then as this page changed them (added, moved, deleted). */
  protected readonly demands = linkedSignal<readonly Demand[]>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value.demands : [];
  });
  protected readonly milestones = computed<readonly Milestone[]>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value.milestones : [];
  });
  protected readonly runs = computed(() => runsByOffice(this.demands()));
  protected readonly offices = computed(() => campaignOffices(this.demands()));
  /** What was just done ("Demand 3 has been deleted."). */
  protected readonly notice = signal<Message | null>(null);
  protected readonly orderError = signal<Message | null>(null);
  protected readonly busy = signal(false);
  /** The demand whose deletion awaits confirmation, and what went wrong with it. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly actionError = signal<Message | null>(null);
  /** The demand being copied, the offices chosen for it, and what went wrong. */
  protected readonly copying = signal<string | null>(null);
  protected readonly copyTargets = signal<ReadonlySet<string>>(new Set());
  protected readonly copyError = signal<Message | null>(null);

  protected readonly short = (text: string) => shortText(text);

  protected load(): Promise<void> {
    return this.loaded.reload();
  }

  /** After a stale order: the list as it is now. */
  protected async reload(): Promise<void> {
    this.orderError.set(null);
    this.notice.set(null);
    await this.load();
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#demands-heading')?.focus());
  }

  protected noticeText(notice: Message): string {
    return 'key' in notice ? this.i18n.translate(notice.key, notice.params) : notice.text;
  }

  protected holder(office: DemandOffice): string {
    const holder = office.currentHolder;
    if (holder) {
      return holder.endsOn
        ? this.i18n.translate('setup.office.holderUntil', { name: holder.name, date: this.dates.day(holder.endsOn) })
        : this.i18n.translate('setup.office.holder', { name: holder.name });
    }
    return this.i18n.translate(office.isCollective ? 'setup.office.collective' : 'setup.office.noHolder');
  }

  /** "Investigation · High · Deadline: …" */
  protected meta(demand: Demand): string {
    return [
      this.i18n.translate(categoryKey(demand.category)),
      this.i18n.translate(priorityKey(demand.priority)),
      this.deadlineText(demand),
    ].join(' · ');
  }

  protected deadlineText(demand: Demand): string {
    const deadline = demand.deadline;
    if (!deadline) return this.i18n.translate('setup.demand.deadline.none');
    const date = formatInstant(deadline.at, this.i18n.locale(), deadline.timeZone);
    switch (deadline.follows) {
      case 'fixed':
        return this.i18n.translate('setup.demand.deadline.fixed', { date, zone: deadline.timeZone });
      case 'milestone':
        return this.i18n.translate('setup.demand.deadline.milestone', { date, milestone: deadline.milestoneTitle ?? '' });
      case 'term':
        return this.i18n.translate('setup.demand.deadline.term', { date });
    }
  }

  protected otherOffices(demand: Demand): DemandOffice[] {
    return this.offices().filter((office) => office.id !== demand.office.id);
  }

  protected added(demand: Demand): void {
    this.orderError.set(null);
    this.demands.update((demands) => [...demands.filter((d) => d.id !== demand.id), demand]);
    const number = this.demands().findIndex((d) => d.id === demand.id) + 1;
    this.notice.set(message('setup.form.added', { number, office: `${demand.office.institutionName} — ${demand.office.title}` }));
  }

  /** Moves a demand one place in the letter: the whole new order goes to the API. */
  protected async move(demand: Demand, by: -1 | 1): Promise<void> {
    if (this.busy()) return;
    const order = moveDemand(
      this.demands().map((d) => d.id),
      demand.id,
      by,
    );
    if (!order) return;
    this.busy.set(true);
    this.orderError.set(null);
    this.notice.set(null);
    try {
      const page = await firstValueFrom(
        this.api.put('/api/campaigns/{id}/demands/order', { demandIds: order }, { pathParams: { id: this.campaign().id } }),
      );
      this.demands.set(page.nextCursor ? await this.fetchDemands(this.campaignId()) : page.items);
      const number = this.demands().findIndex((d) => d.id === demand.id) + 1;
      this.notice.set(message('setup.demand.moved', { number }));
      this.busy.set(false);
      const direction = by === -1 ? 'up' : 'down';
      focusAfterRender(this.injector, () => {
        const item = this.host.querySelector(`[data-demand-id="${demand.id}"]`);
        (item?.querySelector<HTMLElement>(`[data-move="${direction}"]`) ?? item?.querySelector<HTMLElement>('[data-move]'))?.focus();
      });
    } catch (error) {
      this.orderError.set(feedbackFor(error, [], ERROR_CODES).form);
      this.busy.set(false);
    }
  }

  protected askDelete(id: string): void {
    this.actionError.set(null);
    this.copying.set(null);
    this.confirming.set(id);
  }

  protected cancelDelete(id: string): void {
    this.confirming.set(null);
    this.actionError.set(null);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(`[data-demand-id="${id}"] [data-action="delete"]`)?.focus());
  }

  protected async remove(demand: Demand, number: number): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.api.delete('/api/demands/{id}', { pathParams: { id: demand.id } }));
      this.demands.update((demands) => demands.filter((d) => d.id !== demand.id));
      this.confirming.set(null);
      this.notice.set(message('setup.demand.deleted', { number }));
      this.busy.set(false);
      focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#demands-heading')?.focus());
    } catch (error) {
      this.actionError.set(feedbackFor(error, [], { ...ERROR_CODES, not_draft: message('setup.demand.notDraft') }).form);
      this.busy.set(false);
    }
  }

  protected toggleCopy(id: string): void {
    const opening = this.copying() !== id;
    this.copying.set(opening ? id : null);
    this.copyTargets.set(new Set());
    this.copyError.set(null);
    this.confirming.set(null);
    if (!opening) {
      focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(`[data-demand-id="${id}"] [data-action="copy"]`)?.focus());
    }
  }

  protected toggleTarget(officeId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const targets = new Set(this.copyTargets());
    if (checked) targets.add(officeId);
    else targets.delete(officeId);
    this.copyTargets.set(targets);
    this.copyError.set(null);
  }

  /** Creates the same demand for each office chosen, one after the other. */
  protected async copy(demand: Demand, number: number): Promise<void> {
    if (this.busy()) return;
    const targets = this.otherOffices(demand).filter((office) => this.copyTargets().has(office.id));
    if (targets.length === 0) {
      this.copyError.set(message('setup.demand.copy.required'));
      focusAfterRender(this.injector, () =>
        this.host.querySelector<HTMLElement>(`[data-demand-id="${demand.id}"] [name="copyTo"]`)?.focus(),
      );
      return;
    }
    this.busy.set(true);
    this.copyError.set(null);
    let done = 0;
    try {
      for (const office of targets) {
        const termId = demand.deadline?.follows === 'term' ? await this.endingTermId(office.id) : null;
        const created = await firstValueFrom(
          this.api.post('/api/campaigns/{id}/demands', copyOf(demand, office.id, termId), { pathParams: { id: this.campaign().id } }),
        );
        this.demands.update((demands) => [...demands, created]);
        done++;
      }
      this.copying.set(null);
      this.notice.set(message(`setup.demand.copied.${plural(done)}`, { number, count: done }));
      this.busy.set(false);
      focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#demands-heading')?.focus());
    } catch (error) {
      const failed = feedbackFor(error, [], ERROR_CODES).form;
      this.copyError.set(
        done > 0 ? message('setup.demand.copy.partly', { count: done, problem: failed ? this.noticeText(failed) : '' }) : failed,
      );
      this.copyTargets.set(new Set());
      this.busy.set(false);
    }
  }

  private async endingTermId(officeId: string): Promise<string | null> {
    const office = await firstValueFrom(this.api.get('/api/offices/{id}', { pathParams: { id: officeId } }));
    return endingTerm(office)?.id ?? null;
  }

  private fetchDemands(id: string): Promise<Demand[]> {
    return allPages((cursor) => this.api.get('/api/campaigns/{id}/demands', { pathParams: { id }, params: { limit: 200, cursor } }));
  }
}
