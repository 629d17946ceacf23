import { ChangeDetectionStrategy, Component, signal, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { ComponentOutlet } from './component-outlet';

@Component({ selector: 'dm-first', template: '<p>first</p>' })
class First {}

@Component({ selector: 'dm-second', template: '<p>second</p>' })
class Second {}

@Component({
  imports: [ComponentOutlet],
  template: `<div><ng-template [dmComponentOutlet]="component()" /></div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly component = signal<Type<unknown> | null>(null);
}

describe('ComponentOutlet', () => {
  it('renders the component it is given in place, another in its stead, and nothing for null', async () => {
    const fixture = TestBed.createComponent(Host);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(element.querySelector('div')?.textContent).toBe('');

    fixture.componentInstance.component.set(First);
    await fixture.whenStable();
    expect(element.querySelector('div > dm-first')?.textContent).toBe('first');

    fixture.componentInstance.component.set(Second);
    await fixture.whenStable();
    expect(element.querySelector('dm-first')).toBeNull();
    expect(element.querySelector('div > dm-second')?.textContent).toBe('second');

    fixture.componentInstance.component.set(null);
    await fixture.whenStable();
    expect(element.querySelector('div')?.textContent).toBe('');
  });
});
