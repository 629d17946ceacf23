import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setUpPageSpec, tearDownPageSpec } from '../../testing/page-spec';
import { LOADING, type LoadState } from '../api/load-state';
import { LoadStatus } from './load-status';

@Component({
  imports: [LoadStatus],
  template: `<dm-load-status [state]="state()" loading="calendar.loading" (retry)="retries = retries + 1" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly state = signal<LoadState<string>>(LOADING);
  retries = 0;
}

describe('LoadStatus', () => {
  beforeEach(async () => {
    await setUpPageSpec([]);
  });
  afterEach(tearDownPageSpec);

  it('says what is loading, then why it failed with "Try again", then nothing once the data is there', async () => {
    const fixture = TestBed.createComponent(Host);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Loading the calendar…');
    expect(element.querySelector('button')).toBeNull();

    fixture.componentInstance.state.set({ kind: 'error', message: { key: 'form.error.network' } });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe(
      'The server could not be reached. Check your connection and try again.',
    );
    element.querySelector('button')!.click();
    expect(fixture.componentInstance.retries).toBe(1);

    fixture.componentInstance.state.set({ kind: 'ready', value: 'there' });
    await fixture.whenStable();
    expect(element.querySelector('dm-load-status')?.textContent?.trim()).toBe('');
    expect((element.querySelector('dm-load-status') as HTMLElement).style.display).toBe('none');
  });
});
