import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { personDates } from '../core/dates/person-dates';
import { BindField } from '../core/forms/bind-field';
import { required, type Check } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { categoryKey, priorityKey } from '../demands/demand-labels';
import { OfficePicker } from './office-picker';
import {
  DEMAND_CATEGORIES,
  DEMAND_PRIORITIES,
  deadlineInput,
  endingTerm,
  isDeadlineKind,
  type DeadlineKind,
  type Demand,
  type DemandCategory,
  type DemandPriority,
  type Milestone,
  type NewDemand,
  type Office,
} from './setup-data';
import { trackUnsavedEdits } from './unsaved-changes';
import { zoneChoices } from '../core/dates/time-zones';

export type DemandField =
  | 'officeId'
  | 'text'
  | 'category'
  | 'priority'
  | 'deadline'
  | 'deadline.at'
  | 'deadlineTime'
  | 'deadline.timeZone'
  | 'deadline.milestoneId'
  | 'deadline.termId';

/** A check that applies only when the deadline is of kind `kind`. */
export function requiredFor(kind: DeadlineKind, text: Message): Check<DemandField> {
  return { message: text, fails: (value, values) => values.deadline === kind && value.trim() === '' };
}

/**
 * The body of `POST /api/campaigns/{id}/demands` for what the form holds: the office chosen, the
 * words, category, priority, and exactly one kind of deadline (or none).
 */
export function newDemandBody(values: Readonly<Record<DemandField, string>>, office: Office): NewDemand {
  const deadline = deadlineInput({
    kind: values.deadline,
    date: values['deadline.at'],
    time: values.deadlineTime,
    timeZone: values['deadline.timeZone'],
    milestoneId: values['deadline.milestoneId'],
    termId: endingTerm(office)?.id ?? '',
  });
  return {
    officeId: office.id,
    text: values.text.trim(),
    category: values.category as DemandCategory,
    priority: (values.priority || 'normal') as DemandPriority,
    ...(deadline ? { deadline } : {}),
  };
}

/**
 * "Add a demand": the addressee (a search of the directory), the letter's words, category,
 * priority and deadline — none, a day and time in a named zone (by default the zone of the
 * institution's seat), following a milestone of the campaign, or the end of the current
 * officeholder's term (when it has an end date). The API's field errors show at their fields.
 */
@Component({
  selector: 'dm-demand-form',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton, OfficePicker],
  templateUrl: './demand-form.html',
  styles: `
    .demand-form {
      max-width: 40rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
    }
    .row > .field {
      flex: 1 1 12rem;
    }
    .group {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      margin: 0;
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
    }
    .choice {
      display: flex;
      align-items: center;
      gap: var(--space-2);
    }
    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
    }
    .choice input:disabled + label {
      color: var(--color-text-muted);
    }
    .nested {
      margin-left: calc(1.25rem + var(--space-2));
    }
    .nested.field,
    .nested .field {
      margin-bottom: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemandForm {
  private readonly api = inject(ApiClient);
  protected readonly dates = personDates();
  readonly campaignId = input.required<string>();
  readonly milestones = input<readonly Milestone[]>([]);
  readonly created = output<Demand>();

  protected readonly categories = DEMAND_CATEGORIES;
  protected readonly priorities = DEMAND_PRIORITIES;
  protected readonly categoryKey = categoryKey;
  protected readonly priorityKey = priorityKey;
  protected readonly office = signal<Office | null>(null);
  protected readonly term = computed(() => endingTerm(this.office()));

  protected readonly state = new FormState<DemandField>(
    'demand',
    {
      officeId: { checks: [required(message('setup.form.office.required'))] },
      text: { checks: [required(message('setup.form.text.required'))] },
      category: { checks: [required(message('setup.form.category.required'))] },
      priority: { value: 'normal' },
      deadline: { value: 'none' },
      'deadline.at': { checks: [requiredFor('fixed', message('setup.form.deadline.date.required'))] },
      deadlineTime: { value: '23:59', checks: [requiredFor('fixed', message('setup.form.deadline.time.required'))] },
      'deadline.timeZone': { checks: [requiredFor('fixed', message('setup.form.deadline.zone.required'))] },
      'deadline.milestoneId': { checks: [requiredFor('milestone', message('setup.form.deadline.milestoneId.required'))] },
      'deadline.termId': {},
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  protected readonly kind = computed<DeadlineKind>(() => {
    const kind = this.state.fields.deadline.value();
    return isDeadlineKind(kind) ? kind : 'none';
  });
  /** The letter's words typed and not added yet: leaving asks first. */
  private readonly edits = trackUnsavedEdits(this.state, ['text']);
  protected readonly zones = computed(() => zoneChoices(this.state.fields['deadline.timeZone'].value()));
  protected readonly officeDescribedBy = computed(() => {
    const ids = ['demand-office-hint', this.state.problemId('officeId')];
    return ids.filter(Boolean).join(' ');
  });

  /** The office chosen: the deadline's zone becomes its seat's; a term deadline needs its holder's end of term. */
  protected choose(office: Office | null): void {
    this.office.set(office);
    this.state.setValues({ officeId: office?.id ?? '' });
    this.state.edited('officeId');
    if (office) {
      this.state.setValues({ 'deadline.timeZone': office.seatTimeZone });
    }
    if (this.kind() === 'term' && !endingTerm(office)) {
      this.setKind('none');
    }
  }

  protected setKind(kind: DeadlineKind): void {
    this.state.setValues({ deadline: kind });
    this.state.edited('deadline');
  }

  protected async submit(): Promise<void> {
    const values = this.state.values();
    const office = this.office();
    let saved: Demand | undefined;
    const ok = await this.state.submit(
      async () => {
        if (!office) return;
        saved = await firstValueFrom(
          this.api.post('/api/campaigns/{id}/demands', newDemandBody(values, office), { pathParams: { id: this.campaignId() } }),
        );
      },
      { forbidden: message('setup.notAllowed'), not_draft: message('setup.error.notDraft') },
    );
    if (ok && saved) {
      // The next demand is often to the same addressee: keep the office, category and priority.
      this.state.setValues({ text: '', deadline: 'none', 'deadline.at': '', 'deadline.milestoneId': '' });
      this.edits.saved();
      this.created.emit(saved);
    }
  }
}
