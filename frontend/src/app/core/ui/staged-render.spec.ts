import { ApplicationRef, ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { stagedRender } from './staged-render';

@Component({
  template: `@for (part of parts(); track part) {
    <p>{{ part }}</p>
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Long {
  readonly stages = stagedRender();
  readonly parts = computed(() => ['one', 'two', 'three', 'four'].slice(0, this.stages.shown()));
}

/** The texts rendered after each task, until the application is stable. */
async function rendersByTask(fixture: { nativeElement: unknown }, stable: Promise<unknown>): Promise<string[][]> {
  let done = false;
  void stable.then(() => (done = true));
  const seen: string[][] = [];
  for (let tasks = 0; !done && tasks < 50; tasks++) {
    await new Promise((resolve) => setTimeout(resolve));
    seen.push([...(fixture.nativeElement as HTMLElement).querySelectorAll('p')].map((p) => p.textContent ?? ''));
  }
  return seen;
}

describe('stagedRender', () => {
  it('renders the first part at once, each next one in a later task, and is stable only with all of them', async () => {
    const fixture = TestBed.createComponent(Long);
    await fixture.whenStable();
    expect(fixture.componentInstance.parts()).toEqual([]);

    fixture.componentInstance.stages.start(4);
    const seen = await rendersByTask(fixture, TestBed.inject(ApplicationRef).whenStable());
    // Parts appear in order, never more than one more per task, and the page ends whole.
    const counts = seen.map((texts) => texts.length);
    expect(counts.at(-1)).toBe(4);
    expect(counts[0]).toBeLessThan(4);
    counts.slice(1).forEach((count, i) => expect(count - counts[i]!).toBeLessThanOrEqual(1));
    expect(seen.at(-1)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('starts again from the first part on new data', async () => {
    const fixture = TestBed.createComponent(Long);
    fixture.componentInstance.stages.start(4);
    await fixture.whenStable();
    expect(fixture.componentInstance.stages.shown()).toBe(4);

    fixture.componentInstance.stages.start(2);
    expect(fixture.componentInstance.stages.shown()).toBe(1);
    await fixture.whenStable();
    expect(fixture.componentInstance.stages.shown()).toBe(2);
  });

  it('lets the application be stable when the page goes away half-rendered', async () => {
    const fixture = TestBed.createComponent(Long);
    fixture.componentInstance.stages.start(1000);
    fixture.destroy();
    await TestBed.inject(ApplicationRef).whenStable(); // would time out with the task still pending
    expect(fixture.componentInstance.stages.shown()).toBeLessThan(1000);
  });
});
