import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TPipe } from '../core/i18n/t-pipe';
import { SETUP_STEPS, stepKey, type SetupStep } from './setup-data';

/**
 * The set-up's steps, in order, the current one marked `aria-current="step"`. Each other step is a
 * link once the campaign exists; before (a new campaign), only the letter can be filled in.
 */
@Component({
  selector: 'dm-setup-steps',
  imports: [TPipe, RouterLink],
  template: `
    <nav class="steps" [attr.aria-label]="'setup.steps.label' | t">
      <ol class="steps__list">
        @for (step of steps; track step; let index = $index) {
          <li class="steps__item" [class.steps__item--current]="step === current()">
            <span class="steps__number" aria-hidden="true">{{ index + 1 }}</span>
            @if (step === current()) {
              <span class="steps__name" aria-current="step">{{ stepKey(step) | t }}</span>
            } @else if (campaignId()) {
              <a class="steps__name" [routerLink]="['/campaigns', campaignId(), 'setup', step]">{{ stepKey(step) | t }}</a>
            } @else {
              <span class="steps__name muted">{{ stepKey(step) | t }}</span>
            }
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    .steps__list {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      margin: 0 0 var(--space-4);
      padding: 0;
      list-style: none;
    }
    .steps__item {
      display: flex;
      align-items: center;
      gap: var(--space-2);
    }
    .steps__number {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.75rem;
      height: 1.75rem;
      border: 2px solid var(--color-border);
      border-radius: 50%;
      font-weight: 700;
    }
    .steps__item--current .steps__number {
      border-color: var(--color-brand);
      background: var(--color-brand);
      color: #ffffff;
    }
    .steps__item--current .steps__name {
      font-weight: 700;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetupSteps {
  /** Empty for a campaign not created yet. */
  readonly campaignId = input('');
  readonly current = input.required<SetupStep>();
  protected readonly steps = SETUP_STEPS;
  protected readonly stepKey = stepKey;
}
