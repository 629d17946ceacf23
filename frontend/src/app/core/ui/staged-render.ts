import { DestroyRef, PendingTasks, inject, signal, type Signal } from '@angular/core';

/** A long page rendered a part at a time (`stagedRender`). */
export interface Stages {
  /** How many of the page's parts to render: 1 at first, then one more per task, up to all. */
  readonly shown: Signal<number>;
  /** Renders the first part now and each next one in a task of its own (again, on new data). */
  start(parts: number): void;
}

/**
 * Renders a long page in parts, the next part in a new task once the previous one is on screen,
 * so that no single task builds the whole page: on a phone the first screen paints sooner, and
 * taps and scrolling are answered between parts instead of after a few hundred milliseconds of
 * rendering. Call in an injection context. Every part follows within a few frames, whatever the
 * person does — unlike rendering on scroll, find-in-page and a screen reader soon have the whole
 * page — and the application is not stable until the last one is in (`PendingTasks`), so
 * `whenStable()` and the tests see the whole page. Parts are added at the end, in document order,
 * so nothing already shown moves.
 */
export function stagedRender(): Stages {
  const pendingTasks = inject(PendingTasks);
  const shown = signal(0);
  let parts = 0;
  let run = 0;
  let pending: (() => void) | null = null;
  const settle = () => {
    pending?.();
    pending = null;
  };
  // A timer per part. Changing `shown` makes Angular schedule its render (a timer or an animation
  // frame, whichever comes first) before this queues the next timer, so each part renders in a
  // task of its own. (`afterNextRender` would say it more directly, but it brings 2.3 kB into the
  // initial bundle, which is at its budget.)
  const next = (current: number) =>
    setTimeout(() => {
      if (current !== run) {
        return; // started again, or destroyed
      }
      if (shown() >= parts) {
        settle();
        return;
      }
      shown.update((n) => n + 1);
      next(current);
    });
  inject(DestroyRef).onDestroy(() => {
    run++;
    settle();
  });
  return {
    shown,
    start(count) {
      run++;
      parts = count;
      shown.set(Math.min(1, count));
      pending ??= pendingTasks.add();
      next(run);
    },
  };
}
