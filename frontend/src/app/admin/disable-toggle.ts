import { signal } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';

import { feedbackFor, type CodeMessages } from '../core/forms/form-feedback';
import type { Message } from '../core/forms/message';

/** A row that can be disabled: an organization, a user. */
interface Disableable {
  readonly id: string;
  readonly disabledAt: string | null;
}

/**
 * Disabling or enabling a row after an inline confirmation (`dm-confirm-action`): which row is
 * asking, whether the call is under way, and why it failed (the confirmation stays, to try again
 * or cancel). The page supplies the call, what to do with the saved row, and where focus goes
 * back to when the confirmation closes.
 */
export class DisableToggle<T extends Disableable> {
  /** The id of the row whose confirmation is open. */
  readonly confirming = signal<string | null>(null);
  readonly busy = signal(false);
  readonly error = signal<Message | null>(null);

  constructor(
    private readonly options: {
      readonly send: (row: T, disable: boolean) => Observable<T>;
      readonly saved: (row: T, disabled: boolean) => void;
      readonly focusBack: (row: T) => void;
      readonly codes: CodeMessages<never>;
    },
  ) {}

  ask(row: T): void {
    this.error.set(null);
    this.confirming.set(row.id);
  }

  /** Closes the confirmation, if open, without returning focus (another action took over). */
  close(): void {
    this.confirming.set(null);
  }

  cancel(row: T): void {
    this.confirming.set(null);
    this.options.focusBack(row);
  }

  async toggle(row: T): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const disable = !row.disabledAt;
    try {
      const saved = await firstValueFrom(this.options.send(row, disable));
      this.options.saved(saved, disable);
      this.cancel(saved);
    } catch (error) {
      this.error.set(feedbackFor(error, [], this.options.codes).form);
    } finally {
      this.busy.set(false);
    }
  }
}
