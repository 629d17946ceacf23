import { ChangeDetectorRef, type Injector, type ViewRef } from '@angular/core';

/**
 * Moves focus once a component shows its latest state — to an error, a notice, a row just added,
 * or back to the button that opened a confirmation: renders the component whose `injector` is
 * given now (`detectChanges()`, the component and what it contains), then calls `focus`. Nothing
 * happens once the component is gone. For event handlers and code after an awaited request, not
 * for change detection itself (a constructor, an effect): there, focus in `ngAfterViewInit`.
 *
 * Not `afterNextRender`: Angular ships it in the module of its core the shell needs, so a single
 * use in any page puts its scheduler (2.3 kB) in the initial bundle (ADR 0010).
 */
export function focusAfterRender(injector: Injector, focus: () => void): void {
  const view = injector.get(ChangeDetectorRef) as ViewRef;
  if (!view.destroyed) {
    view.detectChanges();
    focus();
  }
}
