import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { toApiError } from '../core/api/api-error';
import { loadFor } from '../core/api/load-state';
import { allPages } from '../core/api/pages';
import { formatInstant } from '../core/dates/dates';
import { personDates } from '../core/dates/person-dates';
import type { Check } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import type { FlashState } from '../core/ui/flash-notice';
import {
  blockerStep,
  plural,
  runsByOffice,
  type Campaign,
  type Demand,
  type OfficeRun,
  type PastDeadlineDemand,
  type SendBlocker,
  type SendPreview,
  type SentCampaign,
} from './setup-data';

type Field = 'confirmPastDeadlines';

interface Review {
  readonly preview: SendPreview;
  readonly runs: readonly OfficeRun[];
}

const BLOCKER_KEYS = {
  not_draft: 'setup.review.blocker.not_draft',
  no_letter_date: 'setup.review.blocker.no_letter_date',
  letter_date_in_future: 'setup.review.blocker.letter_date_in_future',
  no_demands: 'setup.review.blocker.no_demands',
} as const satisfies Record<SendBlocker, TranslationKey>;

const FIX_KEYS = {
  not_draft: 'setup.review.blocker.not_draft.fix',
  no_letter_date: 'setup.review.blocker.no_letter_date.fix',
  letter_date_in_future: 'setup.review.blocker.letter_date_in_future.fix',
  no_demands: 'setup.review.blocker.no_demands.fix',
} as const satisfies Record<SendBlocker, TranslationKey>;

/** The confirmation is required when, and only when, some deadlines have already passed. */
export function pastDeadlinesConfirmed(pastCount: () => number): Check<Field> {
  return { message: message('setup.review.past.required'), fails: (value) => pastCount() > 0 && value !== 'true' };
}

/**
 * Step 3, "Review and send": what marking the campaign as sent would do (`send-preview`), read
 * like the letter — its date, how many demands to how many addressees, how many with a deadline —
 * then what still blocks it, each with a link to the step that settles it. Demands whose deadline
 * has already passed come first: sending records them as unanswered, silently, so it takes a
 * confirmation. "Mark as sent" then opens the campaign's overview.
 */
@Component({
  selector: 'dm-review-step',
  imports: [TPipe, RouterLink, FieldError, FormAlert, LoadStatus, SubmitButton],
  templateUrl: './review-step.html',
  styles: `
    .review {
      max-width: 48rem;
    }
    .review > * + * {
      margin-top: var(--space-4);
    }
    .past {
      border-left: 4px solid var(--color-bad);
    }
    .past__list,
    .blockers__list {
      margin: 0 0 var(--space-3);
      padding-left: var(--space-4);
    }
    .past__list li + li,
    .blockers__list li + li {
      margin-top: var(--space-2);
    }
    .blockers__list {
      margin: 0;
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: var(--space-2);
      font-weight: 600;
    }
    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.15rem;
    }
    .summary {
      font-size: 1.15rem;
    }
    .run__office {
      margin: var(--space-3) 0 var(--space-1);
      font-size: 1.05rem;
    }
    .run__demands {
      margin: 0;
      padding-left: var(--space-4);
    }
    .run__demands li + li {
      margin-top: var(--space-1);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewStep {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly dates = personDates();
  readonly campaign = input.required<Campaign>();

  private readonly campaignId = computed(() => this.campaign().id);
  private readonly review = loadFor(
    () => this.campaignId(),
    (id) => this.fetch(id),
    'setup.notFound',
  );
  protected readonly state = this.review.state;
  private readonly pastCount = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value.preview.pastDeadline.length : 0;
  });
  protected readonly form = new FormState<Field>(
    'send',
    { confirmPastDeadlines: { checks: [pastDeadlinesConfirmed(() => this.pastCount())] } },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );
  protected readonly blockerStep = blockerStep;

  protected load(): void {
    void this.review.reload();
  }

  protected blockerKey(blocker: SendBlocker): TranslationKey {
    return BLOCKER_KEYS[blocker];
  }

  protected fixKey(blocker: SendBlocker): TranslationKey {
    return FIX_KEYS[blocker];
  }

  protected confirmKey(count: number): TranslationKey {
    return `setup.review.past.confirm.${plural(count)}`;
  }

  protected instant(at: string, zone: string): string {
    return formatInstant(at, this.i18n.locale(), zone);
  }

  protected pastDeadline(demand: PastDeadlineDemand): string {
    return this.i18n.translate('setup.review.past.deadline', {
      date: this.instant(demand.deadlineAt, demand.deadlineTimeZone),
      zone: demand.deadlineTimeZone,
    });
  }

  /** "The letter of 29 Apr 2025 makes 2 demands of 2 addressees; one has a deadline." */
  protected summary(preview: SendPreview): string {
    const t = (key: TranslationKey, params?: Record<string, string | number>) => this.i18n.translate(key, params);
    const demands = t(`setup.review.demands.${plural(preview.demands)}`, { count: preview.demands });
    const offices = t(`setup.review.offices.${plural(preview.offices)}`, { count: preview.offices });
    const deadlines =
      preview.withDeadline === 0
        ? t('setup.review.deadlines.zero')
        : t(`setup.review.deadlines.${plural(preview.withDeadline)}`, { count: preview.withDeadline });
    return preview.letterDate
      ? t('setup.review.summary', { date: this.dates.day(preview.letterDate), demands, offices, deadlines })
      : t('setup.review.summary.undated', { demands, offices, deadlines });
  }

  protected confirm(event: Event): void {
    this.form.setValues({ confirmPastDeadlines: (event.target as HTMLInputElement).checked ? 'true' : '' });
    this.form.edited('confirmPastDeadlines');
  }

  /** Marks the campaign as sent; when the API finds it cannot (yet), the review shows why, afresh. */
  protected async send(): Promise<void> {
    const id = this.campaign().id;
    const confirmPastDeadlines = this.pastCount() > 0;
    let sent: SentCampaign | undefined;
    const ok = await this.form.submit(
      async () => {
        try {
          sent = await firstValueFrom(
            this.api.post('/api/campaigns/{id}/send', confirmPastDeadlines ? { confirmPastDeadlines } : {}, { pathParams: { id } }),
          );
        } catch (error) {
          const code = toApiError(error).code;
          if (code === 'cannot_send' || code === 'past_deadlines') {
            await this.refresh();
          }
          throw error;
        }
      },
      {
        cannot_send: message('setup.review.error.cannotSend'),
        past_deadlines: message('setup.review.error.pastDeadlines'),
        not_draft: message('setup.error.notDraft'),
        forbidden: message('setup.notAllowed'),
      },
    );
    if (ok && sent) {
      // The overview says what was done: the demands sent, and the reminders it planned.
      const count = sent.remindersPlanned;
      const state: FlashState =
        count === 0 || !sent.firstReminderAt
          ? { demarcheNotice: 'setup.sent.reminders.zero' }
          : {
              demarcheNotice: `setup.sent.reminders.${plural(count)}`,
              demarcheNoticeParams: { count, date: this.dates.instant(sent.firstReminderAt) },
            };
      await this.router.navigate(['/campaigns', id], { state });
    }
  }

  /**
   * The preview again, without leaving the page (the form keeps its message); if that fails, the
   * message about the refusal stands and the page shows what it knew.
   */
  private async refresh(): Promise<void> {
    if (await this.review.refresh()) this.form.setValues({ confirmPastDeadlines: '' });
  }

  private async fetch(id: string): Promise<Review> {
    const pathParams = { id };
    const [preview, demands] = await Promise.all([
      firstValueFrom(this.api.get('/api/campaigns/{id}/send-preview', { pathParams })),
      allPages<Demand>((cursor) => this.api.get('/api/campaigns/{id}/demands', { pathParams, params: { limit: 200, cursor } })),
    ]);
    return { preview, runs: runsByOffice(demands) };
  }
}
