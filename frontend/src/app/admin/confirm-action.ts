import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, type AfterViewInit } from '@angular/core';

import { FormAlert } from '../core/forms/form-alert';
import type { Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';

/**
 * An inline "are you sure?" in place of the button that asked: the question, a button that does
 * it and one that does not. Focus moves to the confirming button when it appears; the page moves
 * it back to what asked when it goes away (cancelled, or done). A failure shows inside, so the
 * person can try again or cancel.
 */
@Component({
  selector: 'dm-confirm-action',
  imports: [TPipe, FormAlert],
  template: `
    <div class="confirm" role="group" [attr.aria-labelledby]="questionId()">
      <p class="confirm__question" [id]="questionId()">{{ question() }}</p>
      @if (error(); as error) {
        <dm-form-alert [message]="error" />
      }
      <div class="confirm__buttons">
        <button
          type="button"
          class="button confirm__yes"
          [class.button--danger]="danger()"
          [attr.aria-disabled]="busy()"
          (click)="busy() || confirmed.emit()"
        >
          {{ (busy() ? busyLabel() : confirmLabel()) | t }}
        </button>
        <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'form.cancel' | t }}</button>
      </div>
    </div>
  `,
  styles: `
    .confirm {
      text-align: left;
    }
    .confirm__question {
      margin: 0 0 var(--space-2);
      font-weight: 600;
    }
    .confirm__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmAction implements AfterViewInit {
  /** Unique on the page: names the question's element. */
  readonly questionId = input.required<string>();
  readonly question = input.required<string>();
  readonly confirmLabel = input.required<TranslationKey>();
  readonly busyLabel = input.required<TranslationKey>();
  readonly busy = input(false);
  readonly danger = input(true);
  readonly error = input<Message | null>(null);
  readonly confirmed = output();
  readonly cancelled = output();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /** Rendered and in the page: focus the confirming button. */
  ngAfterViewInit(): void {
    this.host.querySelector<HTMLElement>('.confirm__yes')?.focus();
  }
}
