import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { Campaign } from './setup-data';

/** Step "coalition" of the set-up. (Being built: this placeholder is replaced in this session.) */
@Component({
  selector: 'dm-coalition-step',
  template: `<p>Coalition</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoalitionStep {
  readonly campaign = input.required<Campaign>();
  /** The campaign as the API answered a change to it. */
  readonly changed = output<Campaign>();
}
