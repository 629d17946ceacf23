import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import type { components } from '../core/api/schema.generated';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { languageChoices, languageName, type Campaign } from './setup-data';
import { trackUnsavedEdits } from './unsaved-changes';

type Field = 'title' | 'letterDate' | 'letterLanguage' | 'summary' | 'letterText';
type NewCampaign = components['schemas']['CreateCampaignDto'];
type CampaignChange = components['schemas']['UpdateCampaignDto'];

/** What the letter form holds, as the API takes it: a new draft (POST), or the changes to one (PATCH). */
export function newCampaignBody(values: Readonly<Record<Field, string>>): NewCampaign {
  const summary = values.summary.trim();
  const letterText = values.letterText.trim();
  return {
    title: values.title.trim(),
    status: 'draft',
    ...(summary ? { summary } : {}),
    ...(letterText ? { letterText } : {}),
    ...(values.letterDate ? { letterDate: values.letterDate } : {}),
    ...(values.letterLanguage ? { letterLanguage: values.letterLanguage } : {}),
  };
}

export function campaignChange(values: Readonly<Record<Field, string>>): CampaignChange {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    letterText: values.letterText.trim(),
    letterDate: values.letterDate || null,
    letterLanguage: values.letterLanguage || null,
  };
}

/**
 * Step 1, "The letter": title (required), the letter's date, a summary and the full text. Saving
 * creates the campaign as a draft (`campaign` null) or saves the draft's letter; the page then
 * moves on to the demands.
 */
@Component({
  selector: 'dm-letter-step',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <p class="muted">{{ 'setup.letter.intro' | t }}</p>
    <form class="form letter" novalidate (submit)="$event.preventDefault(); submit()">
      @if (state.formError(); as error) {
        <dm-form-alert [id]="state.alertId" [message]="error" />
      }
      <div class="field">
        <label class="field__label" for="letter-title">{{ 'setup.letter.title' | t }}</label>
        <p class="field__hint" id="letter-title-hint">{{ 'setup.letter.title.hint' | t }}</p>
        <input
          id="letter-title"
          class="input"
          required
          maxlength="300"
          autocomplete="off"
          [dmField]="state.fields.title"
          dmHint="letter-title-hint"
        />
        @if (state.errors().title; as error) {
          <dm-field-error [id]="state.errorId('title')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" for="letter-date">{{ 'setup.letter.date' | t }}</label>
        <p class="field__hint" id="letter-date-hint">{{ 'setup.letter.date.hint' | t }}</p>
        <input id="letter-date" class="input letter__date" type="date" [dmField]="state.fields.letterDate" dmHint="letter-date-hint" />
        @if (state.errors().letterDate; as error) {
          <dm-field-error [id]="state.errorId('letterDate')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" for="letter-language">{{ 'setup.letter.language' | t }}</label>
        <p class="field__hint" id="letter-language-hint">{{ 'setup.letter.language.hint' | t }}</p>
        <select id="letter-language" class="input letter__date" [dmField]="state.fields.letterLanguage" dmHint="letter-language-hint">
          <option value="" [selected]="state.fields.letterLanguage.value() === ''">{{ 'setup.letter.language.none' | t }}</option>
          @for (tag of languages(); track tag) {
            <option [value]="tag" [selected]="tag === state.fields.letterLanguage.value()">{{ languageName(tag) }}</option>
          }
        </select>
        @if (state.errors().letterLanguage; as error) {
          <dm-field-error [id]="state.errorId('letterLanguage')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" for="letter-summary">{{ 'setup.letter.summary' | t }}</label>
        <p class="field__hint" id="letter-summary-hint">{{ 'setup.letter.summary.hint' | t }}</p>
        <textarea
          id="letter-summary"
          class="input"
          rows="3"
          maxlength="5000"
          [dmField]="state.fields.summary"
          dmHint="letter-summary-hint"
        ></textarea>
        @if (state.errors().summary; as error) {
          <dm-field-error [id]="state.errorId('summary')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" for="letter-text">{{ 'setup.letter.text' | t }}</label>
        <p class="field__hint" id="letter-text-hint">{{ 'setup.letter.text.hint' | t }}</p>
        <textarea
          id="letter-text"
          class="input letter__text"
          rows="16"
          maxlength="100000"
          [dmField]="state.fields.letterText"
          dmHint="letter-text-hint"
        ></textarea>
        @if (state.errors().letterText; as error) {
          <dm-field-error [id]="state.errorId('letterText')" [message]="error" />
        }
      </div>
      <div class="form__actions">
        @if (campaign()) {
          <button dmSubmit [busy]="state.submitting()" label="setup.letter.save" busyLabel="setup.letter.saving"></button>
        } @else {
          <button dmSubmit [busy]="state.submitting()" label="setup.letter.create" busyLabel="setup.letter.creating"></button>
        }
      </div>
    </form>
  `,
  styles: `
    .letter {
      max-width: 48rem;
    }
    .letter__date {
      max-width: 14rem;
    }
    .letter__text {
      min-height: 16rem;
      resize: vertical;
      line-height: 1.5;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LetterStep {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  /** The draft being set up; null before it exists. */
  readonly campaign = input<Campaign | null>(null);
  readonly saved = output<Campaign>();

  protected readonly state = new FormState<Field>(
    'letter',
    {
      title: { checks: [required(message('setup.letter.title.required'))] },
      letterDate: {},
      letterLanguage: {},
      summary: {},
      letterText: {},
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  /** Every field: a letter half-rewritten is worth asking about before leaving. */
  private readonly edits = trackUnsavedEdits(this.state, ['title', 'letterDate', 'letterLanguage', 'summary', 'letterText']);

  protected readonly languages = computed(() => languageChoices(this.campaign()?.letterLanguage ?? null));

  /** The language's name in the dashboard's language ("Spanish", "español"). */
  protected languageName(tag: string): string {
    return languageName(tag, this.i18n.locale());
  }

  constructor() {
    effect(() => {
      const campaign = this.campaign();
      untracked(() => {
        if (campaign) {
          this.state.setValues({
            title: campaign.title,
            letterDate: campaign.letterDate ?? '',
            letterLanguage: campaign.letterLanguage ?? '',
            summary: campaign.summary,
            letterText: campaign.letterText,
          });
          this.edits.saved();
        }
      });
    });
  }

  protected async submit(): Promise<void> {
    const values = this.state.values();
    const existing = this.campaign();
    let result: Campaign | undefined;
    const ok = await this.state.submit(
      async () => {
        result = existing
          ? await firstValueFrom(this.api.patch('/api/campaigns/{id}', campaignChange(values), { pathParams: { id: existing.id } }))
          : await firstValueFrom(this.api.post('/api/campaigns', newCampaignBody(values)));
      },
      { forbidden: message(existing ? 'setup.notAllowed' : 'setup.notAllowed.new') },
    );
    if (ok && result) {
      this.edits.saved();
      this.saved.emit(result);
    }
  }
}
