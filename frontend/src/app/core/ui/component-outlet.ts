import { Directive, ViewContainerRef, effect, inject, input, type Type } from '@angular/core';

/**
 * Renders the component it is given in place (`<ng-template [dmComponentOutlet]="type" />`), or
 * nothing while that is null: a lazily loaded component, without `@defer` or `NgComponentOutlet`,
 * whose runtime would weigh on the initial bundle (ADR 0010).
 */
@Directive({ selector: '[dmComponentOutlet]' })
export class ComponentOutlet {
  readonly dmComponentOutlet = input.required<Type<unknown> | null>();

  constructor() {
    const container = inject(ViewContainerRef);
    effect(() => {
      const component = this.dmComponentOutlet();
      container.clear();
      if (component) {
        container.createComponent(component);
      }
    });
  }
}
