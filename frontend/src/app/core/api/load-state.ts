import { effect, signal, untracked, type Signal } from '@angular/core';

import { toApiError } from './api-error';
import { feedbackFor } from '../forms/form-feedback';
import { message, type Message } from '../forms/message';
import type { TranslationKey } from '../i18n/dictionary';

/** Something a page loads: on its way, failed (with what to say), or there. */
export type LoadState<T> =
  { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: Message } | { readonly kind: 'ready'; readonly value: T };

export const LOADING: LoadState<never> = { kind: 'loading' };

/**
 * What to say when loading failed: `notFound` for a 404 (the API also answers 404 for what the
 * person may not see), else the usual sentence (network, signed out, unexpected with request id).
 */
export function loadError(error: unknown, notFound: TranslationKey): LoadState<never> {
  const text = toApiError(error).statusCode === 404 ? message(notFound) : (feedbackFor(error, []).form ?? message('form.error.unexpected'));
  return { kind: 'error', message: text };
}

/** What `loadFor` gives a component: the state to render, and ways to load again. */
export interface Loaded<T> {
  readonly state: Signal<LoadState<T>>;
  /** Loads again with the current parameters, showing "loading" meanwhile (the "Try again" button). */
  reload(): Promise<void>;
  /**
   * Loads again in place: what is shown stays until the new answer replaces it, and stays if the
   * request fails. True when the new answer is shown (not when it failed or a newer load overtook it).
   */
  refresh(): Promise<boolean>;
}

/**
 * Loads `request(params())` now and again whenever the signals `params` reads change. An answer
 * that arrives after a newer load started is dropped, so a quick change of page cannot show the
 * previous page's data. Call it in an injection context (a field initializer).
 */
export function loadFor<P, T>(params: () => P, request: (params: P) => Promise<T>, notFound: TranslationKey): Loaded<T> {
  const state = signal<LoadState<T>>(LOADING);
  let generation = 0;
  let current: P;
  const load = async (quiet: boolean): Promise<boolean> => {
    const mine = ++generation;
    if (!quiet) state.set(LOADING);
    try {
      const value = await request(current);
      if (mine !== generation) return false;
      state.set({ kind: 'ready', value });
      return true;
    } catch (error) {
      if (mine === generation && !quiet) state.set(loadError(error, notFound));
      return false;
    }
  };
  effect(() => {
    current = params();
    untracked(() => void load(false));
  });
  return {
    state: state.asReadonly(),
    reload: async () => void (await load(false)),
    refresh: () => load(true),
  };
}
