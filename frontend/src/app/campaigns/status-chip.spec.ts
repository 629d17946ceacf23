import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DEMAND_STATUSES } from '@demarche/shared';

import { I18n } from '../core/i18n/i18n';
import { type DemandStatus } from './demand-status';
import { StatusChip } from './status-chip';

@Component({
  imports: [StatusChip],
  template: `<dm-status-chip [status]="status()" />`,
})
class Host {
  readonly status = input<DemandStatus>('sent');
}

describe('StatusChip', () => {
  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
    await TestBed.inject(I18n).init();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  async function render(status: DemandStatus): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentRef.setInput('status', status);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.chip')!;
  }

  it('names every status in words, with a hidden icon of its own', async () => {
    const names: string[] = [];
    const icons = new Set<string>();
    for (const status of DEMAND_STATUSES) {
      const chip = await render(status);
      expect(chip.dataset['status']).toBe(status);
      expect(chip.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
      icons.add(chip.querySelector('path')?.getAttribute('d') ?? '');
      names.push(chip.textContent!.trim());
    }
    expect(names).toEqual([
      'Draft',
      'Sent',
      'Acknowledged',
      'Under consideration',
      'Partially met',
      'Met',
      'Rejected',
      'No response',
      'Withdrawn',
    ]);
    expect(icons.size).toBe(DEMAND_STATUSES.length);
  });

  it('follows the language', async () => {
    const chip = await render('under_consideration');
    await TestBed.inject(I18n).setLocale('es');
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    expect(chip.textContent!.trim()).toBe('En consideración');
  });
});
