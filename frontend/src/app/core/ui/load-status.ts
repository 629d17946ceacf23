import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { FormAlert } from '../forms/form-alert';
import type { Message } from '../forms/message';
import type { TranslationKey } from '../i18n/dictionary';
import { TPipe } from '../i18n/t-pipe';

/**
 * What a page or a panel shows while its data loads, and when loading failed: "Loading the
 * calendar…" (announced politely), or the reason (an alert) with "Try again". Shows nothing once
 * the data is there: the page renders it beside this, under `@if (state.kind === 'ready')`.
 *
 *     <dm-load-status [state]="state()" loading="calendar.loading" (retry)="load()" />
 */
/** Any state with the three kinds of `LoadState` (a page's own "ready" may carry more than `value`). */
export type LoadStatusState =
  { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: Message } | { readonly kind: 'ready' };

@Component({
  selector: 'dm-load-status',
  imports: [TPipe, FormAlert],
  template: `
    @let current = state();
    @if (current.kind === 'loading') {
      <p role="status">{{ loading() | t }}</p>
    } @else if (current.kind === 'error') {
      <dm-form-alert [message]="current.message" />
      <button type="button" class="button" [class.button--secondary]="secondary()" (click)="retry.emit()">{{ 'form.retry' | t }}</button>
    }
  `,
  host: { '[style.display]': "state().kind === 'ready' ? 'none' : 'block'" },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadStatus {
  readonly state = input.required<LoadStatusState>();
  /** What is loading, in words: "Loading the calendar…". */
  readonly loading = input.required<TranslationKey>();
  /** A panel inside a page: its "Try again" is a secondary button. */
  readonly secondary = input(false);
  readonly retry = output();
}
