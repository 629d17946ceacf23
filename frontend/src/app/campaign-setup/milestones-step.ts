import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ConfirmAction } from '../admin/confirm-action';
import { ApiClient } from '../core/api/api-client';
import { toApiError } from '../core/api/api-error';
import { loadFor } from '../core/api/load-state';
import { allPages } from '../core/api/pages';
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
import { focusAfterRender } from '../core/ui/focus-after-render';
import { LoadStatus } from '../core/ui/load-status';
import {
  MILESTONE_KIND_CHOICES,
  byDay,
  deadlinesMoved,
  demandsCount,
  milestoneChange,
  milestoneKindKey,
  milestoneValues,
  newMilestoneBody,
  withMilestone,
  type MilestoneField,
} from './milestone-data';
import { plural, type Campaign, type Milestone } from './setup-data';
import { zoneChoices } from '../core/dates/time-zones';
import { trackUnsavedEdits } from './unsaved-changes';

/**
 * The form of a milestone — title, kind, day and the zone the day is counted in — to add one
 * (`milestone` null: a new one starts in `zone`, and keeps its kind and zone for the next) or to
 * edit one in place (only what changed is sent). The API's field errors show at their fields.
 * `formId="…"` (a static attribute) names the form's elements: unique on the page.
 */
@Component({
  selector: 'dm-milestone-form',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <form class="form milestone-form" novalidate (submit)="$event.preventDefault(); submit()">
      @if (state.formError(); as error) {
        <dm-form-alert [id]="state.alertId" [message]="error" />
      }
      @if (following() > 0) {
        <p class="field__hint" [id]="id + '-moves'">
          {{ movesKey() | t: { count: following() } }}
        </p>
      }
      <div class="field">
        <label class="field__label" [for]="id + '-title'">{{ 'setup.milestones.form.title' | t }}</label>
        <p class="field__hint" [id]="id + '-title-hint'">{{ 'setup.milestones.form.title.hint' | t }}</p>
        <input
          [id]="id + '-title'"
          class="input"
          required
          maxlength="300"
          autocomplete="off"
          [dmField]="state.fields.title"
          [dmHint]="id + '-title-hint'"
        />
        @if (state.errors().title; as error) {
          <dm-field-error [id]="state.errorId('title')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" [for]="id + '-kind'">{{ 'setup.milestones.form.kind' | t }}</label>
        <p class="field__hint" [id]="id + '-kind-hint'">{{ 'setup.milestones.form.kind.hint' | t }}</p>
        <select [id]="id + '-kind'" class="input" [dmField]="state.fields.kind" [dmHint]="id + '-kind-hint'">
          @for (kind of kinds; track kind) {
            <option [value]="kind" [selected]="kind === state.fields.kind.value()">{{ kindKey(kind) | t }}</option>
          }
        </select>
        @if (state.errors().kind; as error) {
          <dm-field-error [id]="state.errorId('kind')" [message]="error" />
        }
      </div>
      <div class="row">
        <div class="field field--day">
          <label class="field__label" [for]="id + '-day'">{{ 'setup.milestones.form.occursOn' | t }}</label>
          <input
            [id]="id + '-day'"
            class="input"
            type="date"
            required
            [dmField]="state.fields.occursOn"
            [dmHint]="following() > 0 ? id + '-moves' : undefined"
          />
          @if (state.errors().occursOn; as error) {
            <dm-field-error [id]="state.errorId('occursOn')" [message]="error" />
          }
        </div>
        <div class="field field--zone">
          <label class="field__label" [for]="id + '-zone'">{{ 'setup.milestones.form.timeZone' | t }}</label>
          <p class="field__hint" [id]="id + '-zone-hint'">{{ 'setup.milestones.form.timeZone.hint' | t }}</p>
          <select [id]="id + '-zone'" class="input" required [dmField]="state.fields.timeZone" [dmHint]="zoneHint()">
            @for (zone of zones(); track zone) {
              <option [value]="zone" [selected]="zone === state.fields.timeZone.value()">{{ zone }}</option>
            }
          </select>
          @if (state.errors().timeZone; as error) {
            <dm-field-error [id]="state.errorId('timeZone')" [message]="error" />
          }
        </div>
      </div>
      <div class="form__actions">
        @if (milestone()) {
          <button dmSubmit [busy]="state.submitting()" label="setup.milestones.form.save" busyLabel="setup.milestones.form.saving"></button>
          <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'form.cancel' | t }}</button>
        } @else {
          <button dmSubmit [busy]="state.submitting()" label="setup.milestones.form.add" busyLabel="setup.milestones.form.adding"></button>
        }
      </div>
    </form>
  `,
  styles: `
    .milestone-form {
      max-width: 40rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
    }
    .field--day {
      flex: 1 1 10rem;
    }
    .field--zone {
      flex: 2 1 14rem;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneForm {
  private readonly api = inject(ApiClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** `formId`: a static attribute, on the element before the component is made. */
  protected readonly id = this.host.getAttribute('formId') ?? 'milestone';
  readonly campaignId = input.required<string>();
  /** The milestone to edit; null to add one. */
  readonly milestone = input<Milestone | null>(null);
  /** The time zone a new milestone starts in. */
  readonly zone = input('');
  readonly saved = output<Milestone>();
  readonly cancelled = output();

  protected readonly kinds = MILESTONE_KIND_CHOICES;
  protected readonly kindKey = milestoneKindKey;
  protected readonly state = new FormState<MilestoneField>(
    this.id,
    {
      title: { checks: [required(message('setup.milestones.form.title.required'))] },
      kind: { value: 'deadline' },
      occursOn: { checks: [required(message('setup.milestones.form.occursOn.required'))] },
      timeZone: { checks: [required(message('setup.milestones.form.timeZone.required'))] },
    },
    inject(Injector),
    this.host,
  );
  /** Edits typed and not saved: leaving asks first. */
  private readonly edits = trackUnsavedEdits(this.state, ['title', 'kind', 'occursOn', 'timeZone']);

  protected readonly zones = computed(() => zoneChoices(this.state.fields.timeZone.value()));
  /** Demands whose deadline follows the milestone edited: a new day or zone moves them. */
  protected readonly following = computed(() => this.milestone()?.demandCount ?? 0);
  protected readonly movesKey = computed(() => `setup.milestones.form.moves.${plural(this.following())}` as const);
  protected readonly zoneHint = computed(() => [`${this.id}-zone-hint`, this.following() > 0 ? `${this.id}-moves` : ''].join(' ').trim());

  constructor() {
    effect(() => {
      const milestone = this.milestone();
      const zone = this.zone();
      untracked(() => {
        if (milestone) {
          this.state.setValues(milestoneValues(milestone));
        } else if (!this.state.fields.timeZone.value()) {
          this.state.setValues({ timeZone: zone });
        }
        this.edits.saved();
      });
    });
  }

  protected async submit(): Promise<void> {
    const before = this.milestone();
    const values = this.state.values();
    let result: Milestone | undefined;
    const ok = await this.state.submit(
      async () => {
        if (!before) {
          result = await firstValueFrom(
            this.api.post('/api/campaigns/{id}/milestones', newMilestoneBody(values), { pathParams: { id: this.campaignId() } }),
          );
          return;
        }
        const change = milestoneChange(before, values);
        result =
          Object.keys(change).length === 0
            ? before
            : await firstValueFrom(this.api.patch('/api/milestones/{id}', change, { pathParams: { id: before.id } }));
      },
      { forbidden: message('setup.notAllowed'), not_found: message(before ? 'setup.milestones.gone' : 'setup.notFound') },
    );
    if (ok && result) {
      // The next milestone is often of the same kind and body: keep the kind and the zone.
      if (!before) this.state.setValues({ title: '', occursOn: '' });
      this.edits.saved();
      this.saved.emit(result);
    }
  }
}

/**
 * Step "Milestones": the campaign's milestones by day — title, kind, day and zone, and how many
 * demands' deadlines follow each (they move with it; deleting it leaves them on their date, no
 * longer bound) — each edited in place or deleted after a confirmation; below, the form to add one.
 * It comes before the demands: a demand's deadline may follow a milestone.
 */
@Component({
  selector: 'dm-milestones-step',
  imports: [TPipe, LoadStatus, ConfirmAction, MilestoneForm],
  templateUrl: './milestones-step.html',
  styles: `
    .milestones {
      display: flex;
      flex-direction: column;
      gap: var(--space-3);
      margin: 0 0 var(--space-4);
      padding: 0;
      list-style: none;
    }
    .milestone__title {
      margin: 0 0 var(--space-1);
      font-size: 1.1rem;
      overflow-wrap: anywhere;
    }
    .milestone__meta,
    .milestone__follows {
      margin: 0 0 var(--space-2);
      overflow-wrap: anywhere;
    }
    .milestone__kind {
      font-weight: 600;
    }
    .milestone__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
    }
    .button--delete {
      color: var(--color-bad);
      border-color: var(--color-bad);
    }
    .empty p {
      margin: 0 0 var(--space-2);
    }
    .empty p:last-child {
      margin: 0;
    }
    .add {
      margin-bottom: var(--space-4);
    }
    .edit__heading {
      margin: 0 0 var(--space-3);
      font-size: 1.05rem;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestonesStep {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly dates = personDates();
  readonly campaign = input.required<Campaign>();

  private readonly campaignId = computed(() => this.campaign().id);
  private readonly loaded = loadFor(
    () => this.campaignId(),
    async (id) =>
      byDay(
        await allPages((cursor) => this.api.get('/api/campaigns/{id}/milestones', { pathParams: { id }, params: { limit: 200, cursor } })),
      ),
    'setup.notFound',
  );
  protected readonly state = this.loaded.state;
  /** The milestones as loaded, then as this page changed them (added, edited, deleted). */
  protected readonly milestones = linkedSignal<readonly Milestone[]>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value : [];
  });
  /** A new milestone starts in the person's own time zone. */
  protected readonly zone = computed(() => this.dates.zone());
  /** What was just done ("The milestone … has been deleted."). */
  protected readonly notice = signal<Message | null>(null);
  /** The milestone edited in place. */
  protected readonly editing = signal<string | null>(null);
  /** The milestone whose deletion awaits confirmation, and what went wrong with it. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<Message | null>(null);

  protected load(): void {
    void this.loaded.reload();
  }

  protected noticeText(notice: Message): string {
    return textOf(this.i18n, notice);
  }

  /** "Jun 16, 2027, Europe/Zurich": a day, in the zone it is counted in. */
  protected when(milestone: Milestone): string {
    return this.i18n.translate('setup.milestones.when', { date: this.dates.day(milestone.occursOn), zone: milestone.timeZone });
  }

  protected kindKey(milestone: Milestone) {
    return milestoneKindKey(milestone.kind);
  }

  protected followers(milestone: Milestone): string {
    const count = milestone.demandCount;
    return this.i18n.translate(`setup.milestones.demands.${demandsCount(count)}`, { count });
  }

  protected deleteQuestion(milestone: Milestone): string {
    const count = milestone.demandCount;
    return this.i18n.translate(`setup.milestones.delete.question.${demandsCount(count)}`, { title: milestone.title, count });
  }

  protected added(milestone: Milestone): void {
    this.milestones.update((milestones) => withMilestone(milestones, milestone));
    this.notice.set(message('setup.milestones.added', { title: milestone.title, date: this.dates.day(milestone.occursOn) }));
    // Ready for the next one; the notice (a status) says where this one went.
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#milestone-new-title')?.focus());
  }

  protected edit(id: string): void {
    this.notice.set(null);
    this.confirming.set(null);
    this.actionError.set(null);
    this.editing.set(id);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#milestone-edit-title')?.focus());
  }

  protected cancelEdit(id: string): void {
    this.editing.set(null);
    this.focusAction(id, 'edit');
  }

  protected edited(before: Milestone, after: Milestone): void {
    this.milestones.update((milestones) => withMilestone(milestones, after));
    this.editing.set(null);
    const moved = deadlinesMoved(before, after);
    this.notice.set(
      moved > 0
        ? message(`setup.milestones.moved.${plural(moved)}`, { title: after.title, date: this.dates.day(after.occursOn), count: moved })
        : message('setup.milestones.saved', { title: after.title }),
    );
    this.focusAction(after.id, 'edit');
  }

  protected askDelete(id: string): void {
    this.notice.set(null);
    this.actionError.set(null);
    this.editing.set(null);
    this.confirming.set(id);
  }

  protected cancelDelete(id: string): void {
    this.confirming.set(null);
    this.actionError.set(null);
    this.focusAction(id, 'delete');
  }

  protected async remove(milestone: Milestone): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    let done: Message;
    try {
      await firstValueFrom(this.api.delete('/api/milestones/{id}', { pathParams: { id: milestone.id } }));
      const count = milestone.demandCount;
      done = message(`setup.milestones.deleted.${demandsCount(count)}`, { title: milestone.title, count });
    } catch (error) {
      if (toApiError(error).statusCode !== 404) {
        this.actionError.set(feedbackFor(error, [], { forbidden: message('setup.notAllowed') }).form);
        this.busy.set(false);
        return;
      }
      // Deleted meanwhile by someone else: what the person wanted, said as it happened.
      done = message('setup.milestones.alreadyDeleted', { title: milestone.title });
    }
    this.milestones.update((milestones) => milestones.filter((m) => m.id !== milestone.id));
    this.confirming.set(null);
    this.notice.set(done);
    this.busy.set(false);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#milestones-heading')?.focus());
  }

  private focusAction(id: string, action: 'edit' | 'delete'): void {
    focusAfterRender(this.injector, () =>
      this.host.querySelector<HTMLElement>(`[data-milestone-id="${id}"] [data-action="${action}"]`)?.focus(),
    );
  }
}
