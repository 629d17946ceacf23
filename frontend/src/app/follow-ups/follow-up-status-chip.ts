import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { TPipe } from '../core/i18n/t-pipe';
import { followUpStatusKey, type FollowUpStatus } from './follow-up-data';

/** Like the demands' StatusChip: the name, an icon and a border style per status, never colour alone. */
const ICONS: Readonly<Record<FollowUpStatus, string>> = {
  open: 'M8 2a6 6 0 100 12A6 6 0 008 2z', // circle
  in_progress: 'M8 2a6 6 0 100 12A6 6 0 008 2zm0 0v6h6', // quarter
  done: 'M3 8.5l3 3 7-7', // check
  cancelled: 'M3 8h10', // minus
};

@Component({
  selector: 'dm-follow-up-status',
  imports: [TPipe],
  template: `<span class="chip" [attr.data-status]="status()"
    ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path [attr.d]="icon()" /></svg>{{ key() | t }}</span
  >`,
  styles: `
    [data-status='open'] {
      color: #0a4f99;
      background: #fff;
      border-style: dashed;
    }
    [data-status='in_progress'] {
      color: #7a4300;
      background: #fff3dc;
    }
    [data-status='done'] {
      color: #fff;
      background: #14612e;
      border-color: #14612e;
    }
    [data-status='cancelled'] {
      color: #3d4550;
      background: #eceff3;
      text-decoration: line-through;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpStatusChip {
  readonly status = input.required<FollowUpStatus>();
  protected readonly key = computed(() => followUpStatusKey(this.status()));
  protected readonly icon = computed(() => ICONS[this.status()]);
}
