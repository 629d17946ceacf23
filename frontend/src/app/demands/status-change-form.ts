import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { statusKey } from '../campaigns/demand-status';
import { ApiClient } from '../core/api/api-client';
import { HttpError } from '../core/api/http-error';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import type { CodeMessages } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { focusAfterRender } from '../core/ui/focus-after-render';
import type { DemandDetail, DemandStatus } from './demand-types';

type Field = 'to' | 'note';

/** The extra fields of a 409 from a status move: where the demand is now and where it may go. */
interface Conflict {
  readonly current?: DemandStatus;
  readonly allowed?: readonly DemandStatus[];
}

/**
 * Moves a demand to one of the statuses allowed next (the API's `nextStatuses`, from the table in
 * shared/), with an optional note, for coordinators of a lead organization. It sends the status
 * it showed as `from`: if someone moved the demand meanwhile, the API answers 409 `stale_status`;
 * the form then says where the demand is now, and the page reloads it (`stale`).
 */
@Component({
  selector: 'dm-status-change-form',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <section class="panel" aria-labelledby="status-change-heading">
      <h2 id="status-change-heading">{{ 'demand.changeStatus.heading' | t }}</h2>
      @if (done(); as done) {
        <dm-form-alert kind="ok" [message]="done" />
      }
      @if (demand().nextStatuses.length === 0) {
        @if (state.formError(); as error) {
          <dm-form-alert [id]="state.alertId" [message]="error" />
        }
        <p class="muted">{{ 'demand.changeStatus.final' | t: { status: statusName(demand().status) } }}</p>
      } @else {
        <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
          @if (state.formError(); as error) {
            <dm-form-alert [id]="state.alertId" tabindex="-1" [message]="error" />
          }
          <div class="field">
            <label class="field__label" for="status-change-to">{{ 'demand.changeStatus.to' | t }}</label>
            <p class="field__hint" id="status-change-to-hint">
              {{ 'demand.changeStatus.to.hint' | t: { status: statusName(demand().status) } }}
            </p>
            <select id="status-change-to" class="input" required [dmField]="state.fields.to" dmHint="status-change-to-hint">
              <option value="" [selected]="state.fields.to.value() === ''">{{ 'demand.changeStatus.choose' | t }}</option>
              @for (status of demand().nextStatuses; track status) {
                <option [value]="status" [selected]="status === state.fields.to.value()">{{ statusName(status) }}</option>
              }
            </select>
            @if (state.errors().to; as error) {
              <dm-field-error [id]="state.errorId('to')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="status-change-note">{{ 'demand.changeStatus.note' | t }}</label>
            <p class="field__hint" id="status-change-note-hint">{{ 'demand.changeStatus.note.hint' | t }}</p>
            <textarea
              id="status-change-note"
              class="input"
              rows="3"
              maxlength="2000"
              [dmField]="state.fields.note"
              dmHint="status-change-note-hint"
            ></textarea>
            @if (state.errors().note; as error) {
              <dm-field-error [id]="state.errorId('note')" [message]="error" />
            }
          </div>
          <div class="form__actions">
            <button
              dmSubmit
              [busy]="state.submitting()"
              label="demand.changeStatus.submit"
              busyLabel="demand.changeStatus.submitting"
            ></button>
          </div>
        </form>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChangeForm {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly demand = input.required<DemandDetail>();
  /** The demand as the API has it after the move. */
  readonly changed = output<DemandDetail>();
  /** The demand moved meanwhile: reload it. */
  readonly stale = output<void>();

  /** "The status is now X." after a move. */
  protected readonly done = signal<Message | null>(null);

  protected readonly state = new FormState<Field>(
    'status-change',
    {
      to: { checks: [required(message('demand.changeStatus.to.required'))] },
      note: {},
    },
    this.injector,
    this.host,
  );

  protected statusName(status: DemandStatus): string {
    return this.i18n.translate(statusKey(status));
  }

  protected async submit(): Promise<void> {
    this.done.set(null);
    const demand = this.demand();
    const { to, note } = this.state.values();
    const codes: Record<string, Message> = {
      forbidden: message('demand.changeStatus.forbidden'),
    };
    let moved: DemandStatus | null = null;
    const sent = await this.state.submit(async () => {
      try {
        const body = { to: to as DemandStatus, from: demand.status, ...(note.trim() ? { note: note.trim() } : {}) };
        const updated = await firstValueFrom(this.api.post('/api/demands/{id}/transitions', body, { pathParams: { id: demand.id } }));
        moved = updated.status;
        this.changed.emit(updated);
      } catch (error) {
        const conflict = conflictOf(error);
        if (conflict?.current) {
          // Say where it is now; the page reloads it, so the choices are those allowed now.
          codes['stale_status'] = message('demand.changeStatus.stale', { current: this.statusName(conflict.current) });
          codes['illegal_transition'] = codes['stale_status'];
          this.state.setValues({ to: '' });
          this.stale.emit();
        }
        throw error;
      }
    }, codes as CodeMessages<Field>);
    if (sent && moved) {
      this.state.setValues({ to: '', note: '' });
      this.done.set(message('demand.changeStatus.done', { status: this.statusName(moved) }));
    } else if (!sent && this.state.formError()) {
      // The alert is announced; bring focus to it too, since no single field is to blame.
      focusAfterRender(this.injector, () => this.host.querySelector<HTMLElement>(`#${this.state.alertId}`)?.focus());
    }
  }
}

function conflictOf(error: unknown): Conflict | null {
  if (error instanceof HttpError && error.status === 409 && typeof error.body === 'object' && error.body !== null) {
    return error.body as Conflict;
  }
  return null;
}
