import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TPipe } from '../core/i18n/t-pipe';
import { nextStep, previousStep, stepKey, type SetupStep } from './setup-data';

/**
 * "← Back: The coalition" and "Next: Addressees and demands →" under a step of the set-up. Every
 * step saves as it goes, so moving on never loses anything; the review has no next step (it sends).
 */
@Component({
  selector: 'dm-step-nav',
  imports: [TPipe, RouterLink],
  template: `
    <nav class="step-nav" [attr.aria-label]="'setup.stepNav.label' | t">
      @if (previous(); as step) {
        <a class="button button--secondary" [routerLink]="['/campaigns', campaignId(), 'setup', step]">
          ← {{ 'setup.stepNav.back' | t: { step: (stepKey(step) | t) } }}
        </a>
      }
      @if (next(); as step) {
        <a class="button" [routerLink]="['/campaigns', campaignId(), 'setup', step]">
          {{ 'setup.stepNav.next' | t: { step: (stepKey(step) | t) } }} →
        </a>
      }
    </nav>
  `,
  styles: `
    .step-nav {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
      margin-top: var(--space-5);
    }
    .step-nav a {
      text-decoration: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepNav {
  readonly campaignId = input.required<string>();
  readonly step = input.required<SetupStep>();
  protected readonly previous = computed(() => previousStep(this.step()));
  protected readonly next = computed(() => nextStep(this.step()));
  protected readonly stepKey = stepKey;
}
