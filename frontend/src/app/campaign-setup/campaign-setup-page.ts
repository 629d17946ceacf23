import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { FormAlert } from '../core/forms/form-alert';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import type { FlashState } from '../core/ui/flash-notice';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { routeParam } from '../demands/route-param';
import { CoalitionStep } from './coalition-step';
import { DemandsStep } from './demands-step';
import { DiscardDraft } from './discard-draft';
import { LetterStep } from './letter-step';
import { MilestonesStep } from './milestones-step';
import { RemindersStep } from './reminders-step';
import { ReviewStep } from './review-step';
import { SETUP_STEPS, isSetupStep, resumeStep, stepKey, type Campaign, type SetupStep } from './setup-data';
import { SetupSteps } from './setup-steps';
import { StepNav } from './step-nav';
import { UnsavedChanges, type MayHoldUnsavedChanges } from './unsaved-changes';

/** Where saving the letter leads. */
const AFTER_LETTER: SetupStep = 'coalition';

/** Who may start a campaign (the API's rule for `POST /api/campaigns`). */
export const CAMPAIGN_CREATOR_ROLES: readonly string[] = ['admin', 'coordinator'];

/**
 * `/campaigns/new` and `/campaigns/:campaignId/setup/:step`: a coalition sets up its campaign —
 * the letter, the coalition, milestones, addressees and demands, reminders, review and send
 * (SETUP_STEPS) — with the steps shown on each.
 * `/campaigns/:campaignId/setup` resumes where the person stopped. Only a draft is set up, by
 * coordinators of a lead organization (and administrators); any step of it can discard it.
 */
@Component({
  selector: 'dm-campaign-setup-page',
  imports: [
    TPipe,
    RouterLink,
    FormAlert,
    SetupSteps,
    StepNav,
    LetterStep,
    CoalitionStep,
    MilestonesStep,
    DemandsStep,
    RemindersStep,
    ReviewStep,
    DiscardDraft,
  ],
  template: `
    <p class="back">
      <a routerLink="/campaigns">← {{ 'setup.back' | t }}</a>
    </p>
    @if (shownNotice(); as notice) {
      <p class="alert alert--ok" role="status">{{ notice | t }}</p>
    }
    @if (isNew()) {
      <h1>{{ 'setup.new.heading' | t }}</h1>
      @if (!mayCreate) {
        <p class="alert alert--error" role="alert">{{ 'setup.notAllowed.new' | t }}</p>
      } @else {
        <p class="muted intro">{{ 'setup.new.intro' | t }}</p>
        <dm-setup-steps current="letter" />
        <h2 id="setup-step-heading" tabindex="-1">{{ stepHeading('letter') }}</h2>
        <dm-letter-step (saved)="created($event)" />
      }
    } @else {
      @let current = state();
      @switch (current.kind) {
        @case ('loading') {
          <h1>{{ 'setup.title' | t }}</h1>
          <p role="status">{{ 'setup.loading' | t }}</p>
        }
        @case ('error') {
          <h1>{{ 'setup.title' | t }}</h1>
          <dm-form-alert [message]="current.message" />
          <button type="button" class="button" (click)="load()">{{ 'form.retry' | t }}</button>
        }
        @case ('ready') {
          @let campaign = current.value;
          @if (campaign.status === 'draft') {
            <p class="kicker muted">{{ 'setup.kicker' | t }}</p>
          }
          <h1>{{ campaign.title }}</h1>
          @if (!campaign.access.canCoordinate) {
            <p class="alert alert--error" role="alert">{{ 'setup.notAllowed' | t }}</p>
            <p>
              <a [routerLink]="['/campaigns', campaign.id]">{{ 'setup.toOverview' | t }}</a>
            </p>
          } @else if (campaign.status !== 'draft') {
            <p class="alert alert--ok" role="status">{{ 'setup.notDraft' | t }}</p>
            <p>
              <a [routerLink]="['/campaigns', campaign.id]">{{ 'setup.toOverview' | t }}</a>
            </p>
          } @else if (currentStep(); as step) {
            <dm-setup-steps [campaignId]="campaign.id" [current]="step" />
            <h2 id="setup-step-heading" tabindex="-1">{{ stepHeading(step) }}</h2>
            @switch (step) {
              @case ('letter') {
                <dm-letter-step [campaign]="campaign" (saved)="saved($event)" />
              }
              @case ('coalition') {
                <dm-coalition-step [campaign]="campaign" (changed)="replaced($event)" />
              }
              @case ('milestones') {
                <dm-milestones-step [campaign]="campaign" />
              }
              @case ('demands') {
                <dm-demands-step [campaign]="campaign" />
              }
              @case ('reminders') {
                <dm-reminders-step [campaign]="campaign" (changed)="replaced($event)" />
              }
              @case ('review') {
                <dm-review-step [campaign]="campaign" />
              }
            }
            @if (step !== 'letter') {
              <dm-step-nav [campaignId]="campaign.id" [step]="step" />
            }
            <dm-discard-draft [campaign]="campaign" />
          } @else {
            <p role="status">{{ 'setup.resuming' | t }}</p>
          }
        }
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .kicker {
      margin: 0 0 var(--space-1);
      font-weight: 600;
    }
    h1 {
      overflow-wrap: anywhere;
    }
    h2:focus {
      outline: none;
    }
    .intro {
      max-width: 48rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignSetupPage implements MayHoldUnsavedChanges {
  /** Edits the step's forms hold and have not saved: leaving asks first (the routes' guard). */
  readonly unsaved = inject(UnsavedChanges);
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly i18n = inject(I18n);
  protected readonly campaignId = routeParam('campaignId');
  private readonly step = routeParam('step');
  protected readonly mayCreate = CAMPAIGN_CREATOR_ROLES.includes(inject(Session).user()?.role ?? '');

  protected readonly isNew = computed(() => this.campaignId() === '');
  protected readonly currentStep = computed<SetupStep | null>(() => {
    const step = this.step();
    return isSetupStep(step) ? step : null;
  });
  protected readonly state = signal<LoadState<Campaign>>(LOADING);
  /** What the previous step just did ("The draft has been created."), shown on the step it led to. */
  private readonly arrivedWith = (this.router.currentNavigation()?.extras.state as FlashState | undefined)?.demarcheNotice ?? null;
  private readonly notice = signal<{ readonly step: string; readonly key: TranslationKey } | null>(
    this.arrivedWith ? { step: this.step(), key: this.arrivedWith } : null,
  );
  protected readonly shownNotice = computed(() => {
    const notice = this.notice();
    return notice && notice.step === this.step() ? notice.key : null;
  });
  /** Came from the creation: the step's heading takes the focus once shown. */
  private focusHeading = this.arrivedWith !== null;
  private resuming = false;

  constructor() {
    this.unsaved.start();
    this.listenBeforeUnload();
    effect(() => {
      const id = this.campaignId();
      untracked(() => {
        if (id) void this.load();
      });
    });
    // `/campaigns/:id/setup` (or an unknown step): on to where the person stopped.
    effect(() => {
      const state = this.state();
      const step = this.currentStep();
      untracked(() => {
        if (state.kind === 'ready' && !step && !this.resuming && state.value.access.canCoordinate && state.value.status === 'draft') {
          this.resuming = true;
          void this.resume(state.value);
        }
      });
    });
    // A notice belongs to the step it was shown on.
    effect(() => {
      const step = this.step();
      untracked(() => {
        if (this.notice() && this.notice()?.step !== step) this.notice.set(null);
      });
    });
  }

  /**
   * Closing or reloading the tab with unsaved edits: the browser asks first. A listener of our own,
   * not a `(window:beforeunload)` host binding: Angular's global event targets add 2 kB to the
   * initial bundle (measured), which has no room for them.
   */
  private listenBeforeUnload(): void {
    const window = this.host.ownerDocument.defaultView;
    const listener = (event: BeforeUnloadEvent): void => {
      if (this.unsaved.any()) event.preventDefault();
    };
    window?.addEventListener('beforeunload', listener);
    inject(DestroyRef).onDestroy(() => window?.removeEventListener('beforeunload', listener));
  }

  /** "Step 2 of 3: Addressees and demands" */
  protected stepHeading(step: SetupStep): string {
    return this.i18n.translate('setup.step.heading', {
      number: SETUP_STEPS.indexOf(step) + 1,
      total: SETUP_STEPS.length,
      step: this.i18n.translate(stepKey(step)),
    });
  }

  protected async load(): Promise<void> {
    this.state.set(LOADING);
    try {
      this.state.set({
        kind: 'ready',
        value: await firstValueFrom(this.api.get('/api/campaigns/{id}', { pathParams: { id: this.campaignId() } })),
      });
      if (this.focusHeading) {
        this.focusHeading = false;
        this.focusStepHeading();
      }
    } catch (error) {
      this.state.set(loadError(error, 'setup.notFound'));
    }
  }

  /** The draft exists: on to its coalition. */
  protected async created(campaign: Campaign): Promise<void> {
    const state: FlashState = { demarcheNotice: 'setup.created' };
    await this.router.navigate(['/campaigns', campaign.id, 'setup', AFTER_LETTER], { state });
  }

  /** A step changed the campaign itself (its organizations, its reminder policy): show the new one. */
  protected replaced(campaign: Campaign): void {
    this.state.set({ kind: 'ready', value: campaign });
  }

  /** The letter is saved: on to the next step. */
  protected async saved(campaign: Campaign): Promise<void> {
    this.state.set({ kind: 'ready', value: campaign });
    this.notice.set({ step: AFTER_LETTER, key: 'setup.letter.saved' });
    if (await this.router.navigate(['/campaigns', campaign.id, 'setup', AFTER_LETTER])) {
      this.focusStepHeading();
    }
  }

  private async resume(campaign: Campaign): Promise<void> {
    let step: SetupStep = 'demands';
    if (!campaign.letterDate) {
      step = 'letter';
    } else {
      try {
        const page = await firstValueFrom(
          this.api.get('/api/campaigns/{id}/demands', { pathParams: { id: campaign.id }, params: { limit: 1 } }),
        );
        step = resumeStep(campaign.letterDate, page.items.length);
      } catch {
        // The demands step says what went wrong with them.
      }
    }
    await this.router.navigate(['/campaigns', campaign.id, 'setup', step], { replaceUrl: true });
  }

  private focusStepHeading(): void {
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#setup-step-heading')?.focus());
  }
}
