import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ConfirmAction } from '../admin/confirm-action';
import { ApiClient } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import type { Check } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, textOf, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { daysInOrder, reminderPolicyWords, type ReminderPolicy } from './reminder-policy-words';
import type { Campaign } from './setup-data';
import { trackUnsavedEdits } from './unsaved-changes';

/** The form's fields, named as the API names them in its errors (`reminderPolicy.daysBefore`). */
export type PolicyField =
  | 'reminderPolicy.daysBefore'
  | 'reminderPolicy.localTime'
  | 'reminderPolicy.atDue'
  | 'reminderPolicy.overdueEveryDays'
  | 'reminderPolicy.overdueForDays'
  | 'reminderPolicy.escalateAfterDays';

const FIELDS: readonly PolicyField[] = [
  'reminderPolicy.daysBefore',
  'reminderPolicy.localTime',
  'reminderPolicy.atDue',
  'reminderPolicy.overdueEveryDays',
  'reminderPolicy.overdueForDays',
  'reminderPolicy.escalateAfterDays',
];

/** The API's bounds (ReminderPolicyDto). */
export const POLICY_LIMITS = {
  daysBefore: { min: 1, max: 60, count: 10 },
  overdueEveryDays: { min: 0, max: 30 },
  overdueForDays: { min: 0, max: 365 },
  escalateAfterDays: { min: 1, max: 60 },
} as const;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A whole number written with digits only (no sign, no decimals), or null. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * "7, 2, 1" (commas, spaces or semicolons between) as the days the API takes: each once, the
 * earliest reminder first; empty for none. Null when a piece is not a whole number from 1 to 60.
 */
export function parseDaysBefore(text: string): number[] | null {
  const days = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(wholeNumber);
  const { min, max } = POLICY_LIMITS.daysBefore;
  return days.every((day): day is number => day !== null && day >= min && day <= max) ? daysInOrder(days) : null;
}

/** A whole number from `min` to `max`. */
export function inRange(min: number, max: number): Check<PolicyField> {
  return {
    message: message('setup.reminders.form.range', { min, max }),
    fails: (value) => {
      const number = wholeNumber(value);
      return number === null || number < min || number > max;
    },
  };
}

const CHECKS: { readonly [K in PolicyField]: readonly Check<PolicyField>[] } = {
  'reminderPolicy.daysBefore': [
    { message: message('setup.reminders.form.daysBefore.invalid'), fails: (value) => parseDaysBefore(value) === null },
    {
      message: message('setup.reminders.form.daysBefore.tooMany'),
      fails: (value) => (parseDaysBefore(value)?.length ?? 0) > POLICY_LIMITS.daysBefore.count,
    },
  ],
  'reminderPolicy.localTime': [{ message: message('setup.reminders.form.localTime.invalid'), fails: (value) => !TIME_OF_DAY.test(value) }],
  'reminderPolicy.atDue': [],
  'reminderPolicy.overdueEveryDays': [inRange(POLICY_LIMITS.overdueEveryDays.min, POLICY_LIMITS.overdueEveryDays.max)],
  'reminderPolicy.overdueForDays': [inRange(POLICY_LIMITS.overdueForDays.min, POLICY_LIMITS.overdueForDays.max)],
  'reminderPolicy.escalateAfterDays': [inRange(POLICY_LIMITS.escalateAfterDays.min, POLICY_LIMITS.escalateAfterDays.max)],
};

/** What the form holds for a policy ("7, 2, 1"; "true"). */
export function policyValues(policy: ReminderPolicy): Record<PolicyField, string> {
  return {
    'reminderPolicy.daysBefore': daysInOrder(policy.daysBefore).join(', '),
    'reminderPolicy.localTime': policy.localTime,
    'reminderPolicy.atDue': String(policy.atDue),
    'reminderPolicy.overdueEveryDays': String(policy.overdueEveryDays),
    'reminderPolicy.overdueForDays': String(policy.overdueForDays),
    'reminderPolicy.escalateAfterDays': String(policy.escalateAfterDays),
  };
}

/** The policy the form holds, as the API takes it; null while a field breaks a check. */
export function policyFromValues(values: Readonly<Record<PolicyField, string>>): ReminderPolicy | null {
  if (FIELDS.some((field) => CHECKS[field].some((check) => check.fails(values[field], values)))) return null;
  return {
    daysBefore: parseDaysBefore(values['reminderPolicy.daysBefore']) ?? [],
    localTime: values['reminderPolicy.localTime'],
    atDue: values['reminderPolicy.atDue'] === 'true',
    overdueEveryDays: wholeNumber(values['reminderPolicy.overdueEveryDays']) ?? 0,
    overdueForDays: wholeNumber(values['reminderPolicy.overdueForDays']) ?? 0,
    escalateAfterDays: wholeNumber(values['reminderPolicy.escalateAfterDays']) ?? 1,
  };
}

/**
 * Step "Reminders": the reminder policy in force, in words (reminder-policy-words.ts), and whether
 * it is the default or the campaign's own. "Change for this campaign" opens a form whose words
 * follow what is typed; saving sets the campaign's own policy, "Back to the default" (after a
 * confirmation) forgets it. Either way the page gets the campaign as the API answered (`changed`).
 */
@Component({
  selector: 'dm-reminders-step',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton, ConfirmAction],
  templateUrl: './reminders-step.html',
  styles: `
    .reminders {
      max-width: 48rem;
    }
    .source {
      margin: 0 0 var(--space-2);
      font-weight: 600;
    }
    .words p {
      margin: 0;
    }
    .words p + p {
      margin-top: var(--space-2);
    }
    .who {
      margin: var(--space-3) 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
    }
    .policy-form {
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
      gap: var(--space-3);
      margin: 0;
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
    .preview h4,
    #reminders-form-heading {
      margin: 0 0 var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemindersStep {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  readonly campaign = input.required<Campaign>();
  /** The campaign as the API answered a change to it. */
  readonly changed = output<Campaign>();

  /** The policy in force, in the reader's words. */
  protected readonly words = computed(() => reminderPolicyWords(this.campaign().reminderPolicy, this.i18n.locale()));
  protected readonly editing = signal(false);
  /** "Back to the default" awaits confirmation; what went wrong with it. */
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly resetError = signal<Message | null>(null);
  /** What was just done ("The campaign's own reminders have been saved."). */
  protected readonly notice = signal<Message | null>(null);

  protected readonly state = new FormState<PolicyField>(
    'reminders',
    {
      'reminderPolicy.daysBefore': { checks: CHECKS['reminderPolicy.daysBefore'] },
      'reminderPolicy.localTime': { checks: CHECKS['reminderPolicy.localTime'] },
      'reminderPolicy.atDue': {},
      'reminderPolicy.overdueEveryDays': { checks: CHECKS['reminderPolicy.overdueEveryDays'] },
      'reminderPolicy.overdueForDays': { checks: CHECKS['reminderPolicy.overdueForDays'] },
      'reminderPolicy.escalateAfterDays': { checks: CHECKS['reminderPolicy.escalateAfterDays'] },
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );
  /** A policy changed and not saved: leaving asks first. */
  private readonly edits = trackUnsavedEdits(this.state, FIELDS);
  /** The words of what the form holds, as it is typed; null while a field is not accepted. */
  protected readonly preview = computed(() => {
    const policy = policyFromValues(this.state.values());
    return policy ? reminderPolicyWords(policy, this.i18n.locale()) : null;
  });

  protected noticeText(notice: Message): string {
    return textOf(this.i18n, notice);
  }

  /** "Change for this campaign": the form, holding the policy in force. */
  protected open(): void {
    this.reset();
    this.notice.set(null);
    this.confirming.set(false);
    this.editing.set(true);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#reminders-days-before')?.focus());
  }

  protected cancel(): void {
    this.reset();
    this.editing.set(false);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('[data-action="change"]')?.focus());
  }

  protected setAtDue(event: Event): void {
    this.state.setValues({ 'reminderPolicy.atDue': String((event.target as HTMLInputElement).checked) });
    this.state.edited('reminderPolicy.atDue');
  }

  protected async submit(): Promise<void> {
    const reminderPolicy = policyFromValues(this.state.values());
    let result: Campaign | undefined;
    const ok = await this.state.submit(
      async () => {
        if (!reminderPolicy) return;
        result = await firstValueFrom(
          this.api.patch('/api/campaigns/{id}', { reminderPolicy }, { pathParams: { id: this.campaign().id } }),
        );
      },
      { forbidden: message('setup.notAllowed'), not_found: message('setup.notFound') },
    );
    if (ok && result) {
      this.edits.saved();
      this.editing.set(false);
      this.notice.set(message('setup.reminders.saved'));
      this.changed.emit(result);
      this.focusHeading();
    }
  }

  protected askReset(): void {
    this.notice.set(null);
    this.resetError.set(null);
    this.confirming.set(true);
  }

  protected cancelReset(): void {
    this.confirming.set(false);
    this.resetError.set(null);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('[data-action="reset"]')?.focus());
  }

  /** "Back to the default": the campaign's own policy is forgotten. */
  protected async useDefault(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.resetError.set(null);
    try {
      const campaign = await firstValueFrom(
        this.api.patch('/api/campaigns/{id}', { reminderPolicy: null }, { pathParams: { id: this.campaign().id } }),
      );
      this.confirming.set(false);
      this.notice.set(message('setup.reminders.reset.done'));
      this.busy.set(false);
      this.changed.emit(campaign);
      this.focusHeading();
    } catch (error) {
      this.resetError.set(feedbackFor(error, [], { forbidden: message('setup.notAllowed'), not_found: message('setup.notFound') }).form);
      this.busy.set(false);
    }
  }

  /** The form back to the policy in force, with nothing to say about it. */
  private reset(): void {
    this.state.setValues(policyValues(this.campaign().reminderPolicy));
    this.state.clearFeedback();
    this.edits.saved();
  }

  private focusHeading(): void {
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#reminders-heading')?.focus());
  }
}
