import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { TPipe } from '../core/i18n/t-pipe';
import { statusKey, type DemandStatus } from './demand-status';

/**
 * One shape per status, so that the status never rests on colour alone: the chip shows the
 * translated name, an icon of its own and (for the open statuses) a dashed or dotted border.
 */
const ICONS: Readonly<Record<DemandStatus, string>> = {
  draft: 'M3 13l1-4 6-6 3 3-6 6-4 1z', // pencil
  sent: 'M2 8l12-5-4 11-2-5-6-1z', // paper plane
  acknowledged: 'M2 8s2-4 6-4 6 4 6 4-2 4-6 4-6-4-6-4zm6 2a2 2 0 100-4 2 2 0 000 4z', // eye
  under_consideration: 'M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6', // hourglass
  partially_met: 'M8 2a6 6 0 100 12A6 6 0 008 2zm0 0v12', // half circle
  met: 'M3 8.5l3 3 7-7', // check
  rejected: 'M4 4l8 8M12 4l-8 8', // cross
  no_response: 'M3 8h2M7 8h2M11 8h2', // ellipsis
  withdrawn: 'M3 8h10', // minus
};

/** A demand status: translated name with an icon and an accessible colour. Used by demands/ too. */
@Component({
  selector: 'dm-status-chip',
  imports: [TPipe],
  template: `<span class="chip" [attr.data-status]="status()"
    ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path [attr.d]="icon()" /></svg
    >{{ key() | t }}</span
  >`,
  styles: `
    [data-status='draft'] {
      color: #3d4550;
      background: #ffffff;
      border-style: dashed;
    }
    [data-status='sent'] {
      color: #0a4f99;
      background: #e8f0fb;
    }
    [data-status='acknowledged'] {
      color: #23507a;
      background: #e3eef6;
      border-style: dotted;
    }
    [data-status='under_consideration'] {
      color: #7a4300;
      background: #fff3dc;
    }
    [data-status='partially_met'] {
      color: #305f10;
      background: #eef7e3;
    }
    [data-status='met'] {
      color: #ffffff;
      background: #14612e;
      border-color: #14612e;
    }
    [data-status='rejected'] {
      color: #ffffff;
      background: #a3121a;
      border-color: #a3121a;
    }
    [data-status='no_response'] {
      color: #8a1c1c;
      background: #fdecec;
      border-style: dashed;
    }
    [data-status='withdrawn'] {
      color: #3d4550;
      background: #eceff3;
      text-decoration: line-through;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<DemandStatus>();
  protected readonly key = computed(() => statusKey(this.status()));
  protected readonly icon = computed(() => ICONS[this.status()]);
}
