import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ActivatedRouteSnapshot } from '@angular/router';
import { map } from 'rxjs';

/**
 * A path parameter of the current route or of any route above it (`campaignId` is declared by
 * campaigns.routes.ts, above these routes), as a signal that follows navigations which reuse the
 * component (from one demand to another).
 */
export function routeParam(name: string): Signal<string> {
  const route = inject(ActivatedRoute);
  return toSignal(route.paramMap.pipe(map(() => findParam(route.snapshot, name))), {
    initialValue: findParam(route.snapshot, name),
  });
}

function findParam(snapshot: ActivatedRouteSnapshot, name: string): string {
  for (let at: ActivatedRouteSnapshot | null = snapshot; at; at = at.parent) {
    const value = at.paramMap.get(name);
    if (value) {
      return value;
    }
  }
  return '';
}
