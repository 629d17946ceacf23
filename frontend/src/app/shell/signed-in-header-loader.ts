import { Injectable, PendingTasks, inject, signal, type Type } from '@angular/core';

/** The components of the signed-in part of the header. */
export interface SignedInHeader {
  /** Bell, who is signed in, "Sign out". */
  readonly tools: Type<unknown>;
  /** The navigation with the members' pages. */
  readonly nav: Type<unknown>;
}

/**
 * Loads the signed-in part of the header (`signed-in-header.ts`), a chunk of its own that
 * signed-out visitors never load (ADR 0010): the start-up initializer awaits it when someone is
 * signed in, so the first render has the whole header; after a sign-in the shell asks for it.
 * Loading is a pending task (`whenStable()` waits for it). A failure is logged and the next call
 * tries again; meanwhile the header shows what it shows signed out, and the pages still work.
 */
@Injectable({ providedIn: 'root' })
export class SignedInHeaderLoader {
  private readonly pendingTasks = inject(PendingTasks);
  private loading: Promise<void> | undefined;

  /** The components once loaded, else null. */
  readonly parts = signal<SignedInHeader | null>(null);

  load(): Promise<void> {
    if (!this.loading) {
      const done = this.pendingTasks.add();
      this.loading = import('./signed-in-header')
        .then(
          (module) => this.parts.set({ tools: module.AccountTools, nav: module.MemberNav }),
          (error: unknown) => {
            this.loading = undefined;
            console.error('Could not load the signed-in part of the header', error);
          },
        )
        .finally(done);
    }
    return this.loading;
  }
}
