import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { Campaign } from './setup-data';

/** Step "milestones" of the set-up. (Being built: this placeholder is replaced in this session.) */
@Component({
  selector: 'dm-milestones-step',
  template: `<p>Milestones</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestonesStep {
  readonly campaign = input.required<Campaign>();
}
