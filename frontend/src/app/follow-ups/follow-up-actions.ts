import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import type { FollowUp, FollowUpChange } from './follow-up-data';

type Field = 'completionNote';

/** Numbers the forms, so that several cards on a page have distinct element ids. */
let sequence = 0;

const CODES = { forbidden: message('followUps.error.forbidden'), not_found: message('followUps.notFound') };

/**
 * What the assigned organization does with a follow-up: mark it in progress, and complete it with
 * a note (`PATCH /api/follow-ups/{id}`). The API's errors show at the note, or above it.
 */
@Component({
  selector: 'dm-follow-up-actions',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    @let item = followUp();
    @if (item.status === 'open' || item.status === 'in_progress') {
      @if (!completing()) {
        <div class="actions">
          @if (item.status === 'open') {
            <form class="inline" (submit)="$event.preventDefault(); markInProgress()">
              <button dmSubmit [busy]="progress.submitting()" label="followUps.action.start" busyLabel="followUps.action.starting"></button>
            </form>
          }
          <button type="button" class="button button--secondary" (click)="openCompletion()">
            {{ 'followUps.action.complete' | t }}
          </button>
        </div>
        @if (progress.formError(); as error) {
          <dm-form-alert [id]="progress.alertId" [message]="error" />
        }
      } @else {
        <form class="form complete" novalidate (submit)="$event.preventDefault(); complete()">
          @if (state.formError(); as error) {
            <dm-form-alert [id]="state.alertId" [message]="error" />
          }
          <div class="field">
            <label class="field__label" [for]="noteId()">{{ 'followUps.completionNote' | t }}</label>
            <p class="field__hint" [id]="noteId() + '-hint'">{{ 'followUps.completionNote.hint' | t }}</p>
            <textarea
              class="input"
              rows="3"
              maxlength="5000"
              required
              [id]="noteId()"
              [dmField]="state.fields.completionNote"
              [dmHint]="noteId() + '-hint'"
            ></textarea>
            @if (state.errors().completionNote; as error) {
              <dm-field-error [id]="state.errorId('completionNote')" [message]="error" />
            }
          </div>
          <div class="form__actions">
            <button
              dmSubmit
              [busy]="state.submitting()"
              label="followUps.action.completeSubmit"
              busyLabel="followUps.action.completing"
            ></button>
            <button type="button" class="button button--secondary" (click)="completing.set(false)">{{ 'form.cancel' | t }}</button>
          </div>
        </form>
      }
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
    }
    .inline {
      display: inline;
    }
    .complete {
      margin-top: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpActions {
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  readonly followUp = input.required<FollowUp>();
  /** The follow-up as the API answered after a change. */
  readonly changed = output<FollowUp>();

  protected readonly completing = signal(false);
  protected readonly noteId = computed(() => `complete-note-${this.followUp().id}`);
  protected readonly progress = new FormState<never>(`follow-up-progress-${++sequence}`, {}, this.injector, this.host);
  protected readonly state = new FormState<Field>(
    `follow-up-complete-${sequence}`,
    { completionNote: { checks: [required(message('followUps.completionNote.required'))] } },
    this.injector,
    this.host,
  );

  protected openCompletion(): void {
    this.state.clearFeedback();
    this.state.setValues({ completionNote: this.followUp().completionNote ?? '' });
    this.completing.set(true);
    requestAnimationFrame(() => this.host.querySelector<HTMLElement>('textarea')?.focus());
  }

  protected async markInProgress(): Promise<void> {
    await this.progress.submit(() => this.send({ status: 'in_progress' }), CODES);
  }

  protected async complete(): Promise<void> {
    const note = this.state.values().completionNote.trim();
    const done = await this.state.submit(() => this.send({ status: 'done', completionNote: note }), CODES);
    if (done) {
      this.completing.set(false);
    }
  }

  private async send(change: FollowUpChange): Promise<void> {
    const updated = await firstValueFrom(this.api.patch('/api/follow-ups/{id}', change, { pathParams: { id: this.followUp().id } }));
    this.changed.emit(updated);
  }
}
