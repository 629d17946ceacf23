import { DestroyRef, Injectable, computed, inject, signal, type Signal } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';

import type { FormState } from '../core/forms/form-state';
import { I18n } from '../core/i18n/i18n';

/**
 * Edits typed into the set-up's forms and not saved yet (a letter half-rewritten, a demand's words
 * typed but not added). Each form registers what it holds with `trackUnsavedEdits` for as long as
 * it lives; leaving the page or the step — by a link, the browser's back button, or by closing the
 * tab — asks first (`confirmLeavingUnsaved`, and the page's `beforeunload`).
 *
 * One for the app (`providedIn: 'root'`), not one per page: a component's `providers` brings
 * Angular's providers feature into the initial bundle (2 kB, measured), which has no room for it.
 */
@Injectable({ providedIn: 'root' })
export class UnsavedChanges {
  private readonly sources = new Set<Signal<boolean>>();
  private abandoned = false;

  /** Whether any registered form holds edits not saved. */
  any(): boolean {
    if (this.abandoned) return false;
    for (const dirty of this.sources) if (dirty()) return true;
    return false;
  }

  /** The whole draft was discarded (after its own confirmation): its edits are not worth asking about. */
  abandon(): void {
    this.abandoned = true;
  }

  /** A set-up page opens: what an earlier one abandoned is not this one's. */
  start(): void {
    this.abandoned = false;
  }

  /** Registers `dirty` for as long as the calling component lives (call in its constructor). */
  register(dirty: Signal<boolean>): void {
    this.sources.add(dirty);
    inject(DestroyRef).onDestroy(() => this.sources.delete(dirty));
  }
}

/** What `trackUnsavedEdits` gives a form: whether it has edits, and a way to say "saved now". */
export interface UnsavedEdits {
  readonly dirty: Signal<boolean>;
  /** The fields' values now are the saved ones (after loading or saving). */
  saved(): void;
}

/**
 * Follows `fields` of `state` against their values when last loaded or saved, and registers the
 * result with `UnsavedChanges` while the form lives. Call in an injection context.
 */
export function trackUnsavedEdits<F extends string>(state: FormState<F>, fields: readonly F[]): UnsavedEdits {
  const snapshot = (): readonly string[] => fields.map((field) => state.fields[field].value());
  const baseline = signal(snapshot());
  const dirty = computed(() => {
    const now = baseline();
    return fields.some((field, index) => state.fields[field].value() !== now[index]);
  });
  inject(UnsavedChanges).register(dirty);
  return { dirty, saved: () => baseline.set(snapshot()) };
}

/** A component that may hold unsaved edits. */
export interface MayHoldUnsavedChanges {
  readonly unsaved: UnsavedChanges;
}

/** Asks before leaving a page whose forms hold unsaved edits. */
export const confirmLeavingUnsaved: CanDeactivateFn<MayHoldUnsavedChanges> = (page) =>
  !page.unsaved.any() || window.confirm(inject(I18n).translate('setup.unsaved.confirm'));
