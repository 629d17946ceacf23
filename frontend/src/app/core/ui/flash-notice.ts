import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';

import type { TranslationKey, TranslationParams } from '../i18n/dictionary';
import { TPipe } from '../i18n/t-pipe';

/** Navigation state that asks the next page to confirm what was just done. */
export interface FlashState {
  readonly demarcheNotice?: TranslationKey;
  /** Its parameters ("{count} reminders are planned"). */
  readonly demarcheNoticeParams?: TranslationParams;
}

/**
 * `<dm-flash-notice />`: the confirmation of what the previous page just did ("The response has
 * been logged."), passed as navigation state (`FlashState`), shown once as a polite status. It
 * is read from the navigation itself, not from `history.state`, so a reload does not repeat it.
 */
@Component({
  selector: 'dm-flash-notice',
  imports: [TPipe],
  template: `
    @if (flash?.demarcheNotice; as notice) {
      <p class="alert alert--ok" role="status">{{ notice | t: flash?.demarcheNoticeParams }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlashNotice {
  protected readonly flash = inject(Router).currentNavigation()?.extras.state as FlashState | undefined;
}
