import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { focusAfterRender } from './focus-after-render';

@Component({
  template: `@if (shown()) {
    <button type="button" id="appeared">Here</button>
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Appearing {
  readonly shown = signal(false);
  readonly injector = inject(Injector);
  readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  show(): void {
    this.shown.set(true);
    focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>('#appeared')?.focus());
  }
}

describe('focusAfterRender', () => {
  it('renders what changed, then focuses it', async () => {
    const fixture = TestBed.createComponent(Appearing);
    document.body.appendChild(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();

    fixture.componentInstance.show();
    expect(document.activeElement?.id).toBe('appeared');
    (fixture.nativeElement as HTMLElement).remove();
  });

  it('does nothing once the component is gone', async () => {
    const fixture = TestBed.createComponent(Appearing);
    await fixture.whenStable();
    const focus = vi.fn();
    fixture.destroy();
    expect(() => focusAfterRender(fixture.componentInstance.injector, focus)).not.toThrow();
    expect(focus).not.toHaveBeenCalled();
  });
});
