import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ConfirmAction } from '../admin/confirm-action';
import { ApiClient } from '../core/api/api-client';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import { TPipe } from '../core/i18n/t-pipe';
import type { FlashState } from '../core/ui/flash-notice';
import { focusAfterRender } from '../core/ui/focus-after-render';
import type { Campaign } from './setup-data';
import { UnsavedChanges } from './unsaved-changes';

/**
 * "Discard draft", on every step of a draft: after a confirmation, deletes the campaign and all
 * that was set up in it, and returns to the campaigns.
 */
@Component({
  selector: 'dm-discard-draft',
  imports: [TPipe, ConfirmAction],
  template: `
    <section class="discard" aria-labelledby="discard-heading">
      <h2 id="discard-heading" class="visually-hidden">{{ 'setup.discard.heading' | t }}</h2>
      @if (confirming()) {
        <dm-confirm-action
          questionId="discard-question"
          [question]="'setup.discard.question' | t: { title: campaign().title }"
          confirmLabel="setup.discard.confirm"
          busyLabel="setup.discard.discarding"
          [busy]="busy()"
          [error]="error()"
          (confirmed)="discard()"
          (cancelled)="cancel()"
        />
      } @else {
        <button type="button" class="button button--secondary discard__button" (click)="confirming.set(true)">
          {{ 'setup.discard' | t }}
        </button>
      }
    </section>
  `,
  styles: `
    .discard {
      margin-top: var(--space-5);
      padding-top: var(--space-3);
      border-top: 1px solid var(--color-border);
    }
    .discard__button {
      color: var(--color-bad);
      border-color: var(--color-bad);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiscardDraft {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  readonly campaign = input.required<Campaign>();

  /** The page's unsaved edits: gone with the draft, not worth a second question. */
  private readonly unsaved = inject(UnsavedChanges);
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<Message | null>(null);

  protected cancel(): void {
    this.confirming.set(false);
    this.error.set(null);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('.discard__button')?.focus());
  }

  protected async discard(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.delete('/api/campaigns/{id}', { pathParams: { id: this.campaign().id } }));
      const state: FlashState = { demarcheNotice: 'setup.discard.done' };
      this.unsaved.abandon();
      await this.router.navigate(['/campaigns'], { state });
    } catch (error) {
      this.error.set(feedbackFor(error, [], { not_draft: message('setup.discard.notDraft'), forbidden: message('setup.notAllowed') }).form);
      this.busy.set(false);
    }
  }
}
