import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient, type ResponseBody } from '../../core/api/api-client';
import { toApiError } from '../../core/api/api-error';
import { dayInZone, endOfDayInZone, formatInstant } from '../../core/dates/dates';
import { BindField } from '../../core/forms/bind-field';
import { required, type Check } from '../../core/forms/checks';
import { FieldError } from '../../core/forms/field-error';
import { FormAlert } from '../../core/forms/form-alert';
import { LoadStatus } from '../../core/ui/load-status';
import { feedbackFor } from '../../core/forms/form-feedback';
import { FormState } from '../../core/forms/form-state';
import { message, type Message } from '../../core/forms/message';
import { SubmitButton } from '../../core/forms/submit-button';
import { I18n } from '../../core/i18n/i18n';
import { TPipe } from '../../core/i18n/t-pipe';
import { Session, signedInUser } from '../../core/session/session';
import { focusAfterRender } from '../../core/ui/focus-after-render';

export type ApiToken = ResponseBody<'/api/me/tokens', 'get'>['items'][number];

type ListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: Message }
  | { readonly kind: 'ready'; readonly items: readonly ApiToken[]; readonly nextCursor: string | null };

/**
 * Personal API tokens, for scripts and integrations: the list (name, the first characters for
 * recognition, dates), a form to create one — whose secret is shown once, right after — and
 * revocation, after a confirmation.
 */
@Component({
  selector: 'dm-api-tokens-panel',
  imports: [TPipe, FieldError, BindField, FormAlert, LoadStatus, SubmitButton],
  template: `
    <section class="panel" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading" tabindex="-1">{{ 'tokens.heading' | t }}</h2>
      <p>{{ 'tokens.intro' | t }}</p>

      @if (created(); as created) {
        <section class="new-token" aria-labelledby="new-token-heading">
          <h3 id="new-token-heading" tabindex="-1">{{ 'tokens.new.heading' | t: { name: created.name } }}</h3>
          <p class="new-token__warning">{{ 'tokens.new.warning' | t }}</p>
          <label class="field__label" for="new-token-value">{{ 'tokens.new.label' | t }}</label>
          <div class="new-token__row">
            <input
              id="new-token-value"
              class="input input--mono"
              type="text"
              readonly
              spellcheck="false"
              autocomplete="off"
              [value]="created.token"
              (focus)="select($event)"
            />
            <button type="button" class="button" (click)="copy()">{{ 'tokens.new.copy' | t }}</button>
          </div>
          <p class="new-token__status" role="status">
            @switch (copyState()) {
              @case ('copied') {
                {{ 'tokens.new.copied' | t }}
              }
              @case ('failed') {
                {{ 'tokens.new.copyFailed' | t }}
              }
            }
          </p>
          <button type="button" class="button button--secondary" (click)="dismiss()">{{ 'tokens.new.done' | t }}</button>
        </section>
      }

      @if (notice(); as notice) {
        <dm-form-alert kind="ok" [message]="notice" />
      }
      @if (revokeError(); as error) {
        <dm-form-alert [message]="error" />
      }

      @let current = list();
      <dm-load-status [state]="current" loading="tokens.loading" (retry)="load()" />
      @if (current.kind === 'ready') {
        @if (current.items.length === 0) {
          <p class="empty">{{ 'tokens.empty' | t }}</p>
        } @else {
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">
                {{
                  'tokens.caption' | t
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'tokens.column.name' | t }}</th>
                  <th scope="col">{{ 'tokens.column.prefix' | t }}</th>
                  <th scope="col">{{ 'tokens.column.created' | t }}</th>
                  <th scope="col">{{ 'tokens.column.expires' | t }}</th>
                  <th scope="col">{{ 'tokens.column.lastUsed' | t }}</th>
                  <th scope="col">
                    <span class="visually-hidden">{{ 'tokens.column.actions' | t }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (token of current.items; track token.id) {
                  <tr [attr.data-token-id]="token.id">
                    <th scope="row">{{ token.name }}</th>
                    <td>
                      <code>{{ token.prefix }}…</code>
                    </td>
                    <td>{{ date(token.createdAt) }}</td>
                    <td>{{ token.expiresAt ? date(token.expiresAt) : ('tokens.expires.never' | t) }}</td>
                    <td>{{ token.lastUsedAt ? date(token.lastUsedAt) : ('tokens.lastUsed.never' | t) }}</td>
                    <td class="table__actions">
                      @if (confirming() === token.id) {
                        <div class="confirm" role="group" [attr.aria-labelledby]="'revoke-question-' + token.id">
                          <p [id]="'revoke-question-' + token.id">{{ 'tokens.revoke.question' | t: { name: token.name } }}</p>
                          <button
                            type="button"
                            class="button button--danger"
                            [id]="'revoke-confirm-' + token.id"
                            [attr.aria-disabled]="revoking() === token.id"
                            (click)="revoke(token)"
                          >
                            {{ (revoking() === token.id ? 'tokens.revoke.revoking' : 'tokens.revoke.confirm') | t }}
                          </button>
                          <button type="button" class="button button--secondary" (click)="cancelRevoke(token)">
                            {{ 'form.cancel' | t }}
                          </button>
                        </div>
                      } @else {
                        <button
                          type="button"
                          class="button button--secondary"
                          [id]="'revoke-' + token.id"
                          [attr.aria-label]="'tokens.revoke.label' | t: { name: token.name }"
                          (click)="askRevoke(token)"
                        >
                          {{ 'tokens.revoke' | t }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (current.nextCursor) {
            <button type="button" class="button button--secondary" [attr.aria-disabled]="loadingMore()" (click)="loadMore()">
              {{ 'tokens.more' | t }}
            </button>
          }
        }
      }

      <h3>{{ 'tokens.create.heading' | t }}</h3>
      <form class="form" novalidate (submit)="$event.preventDefault(); create()">
        @if (state.formError(); as error) {
          <dm-form-alert [id]="state.alertId" [message]="error" />
        }
        <div class="field">
          <label class="field__label" for="create-token-name">{{ 'tokens.create.name' | t }}</label>
          <p class="field__hint" id="create-token-name-hint">{{ 'tokens.create.name.hint' | t }}</p>
          <input
            id="create-token-name"
            class="input"
            type="text"
            autocomplete="off"
            required
            maxlength="100"
            [dmField]="state.fields.name"
            dmHint="create-token-name-hint"
          />
          @if (state.errors().name; as error) {
            <dm-field-error [id]="state.errorId('name')" [message]="error" />
          }
        </div>
        <div class="field">
          <label class="field__label" for="create-token-expires">{{ 'tokens.create.expires' | t }}</label>
          <p class="field__hint" id="create-token-expires-hint">{{ 'tokens.create.expires.hint' | t: { zone: timeZone } }}</p>
          <input
            id="create-token-expires"
            class="input input--date"
            type="date"
            [min]="today"
            [dmField]="state.fields.expiresAt"
            dmHint="create-token-expires-hint"
          />
          @if (state.errors().expiresAt; as error) {
            <dm-field-error [id]="state.errorId('expiresAt')" [message]="error" />
          }
        </div>
        <div class="form__actions">
          <button dmSubmit [busy]="state.submitting()" label="tokens.create.submit" busyLabel="tokens.create.submitting"></button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .new-token {
      margin-bottom: var(--space-4);
      padding: var(--space-3);
      border: 2px solid var(--color-brand);
      border-radius: var(--radius);
      background: var(--color-bg);
    }
    .new-token__warning {
      font-weight: 600;
    }
    .new-token__row {
      display: flex;
      gap: var(--space-2);
      margin-top: var(--space-1);
    }
    .new-token__row .input {
      flex: 1;
      min-width: 0;
    }
    .input--mono {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
    }
    .new-token__status {
      min-height: 1.6em;
      margin: var(--space-2) 0;
    }
    .table-scroll {
      /* Positioned, so that the visually hidden caption cannot widen the page on small screens. */
      position: relative;
      overflow-x: auto;
      margin-bottom: var(--space-3);
    }
    .table {
      width: 100%;
      border-collapse: collapse;
      background: var(--color-bg);
    }
    .table th,
    .table td {
      padding: var(--space-2);
      border-bottom: 1px solid var(--color-border);
      text-align: left;
      vertical-align: top;
    }
    .table tbody th {
      font-weight: 600;
    }
    .table__actions {
      text-align: right;
    }
    .confirm p {
      margin-bottom: var(--space-2);
    }
    .confirm .button + .button {
      margin-left: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokensPanel {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /** Dates show in the person's zone, and an expiry day ends at 23:59 there. */
  protected readonly timeZone = signedInUser(inject(Session)).timeZone;
  protected readonly today = dayInZone(this.timeZone);

  protected readonly list = signal<ListState>({ kind: 'loading' });
  protected readonly loadingMore = signal(false);
  /** The secret of the token just created: in memory until "Done", never again. */
  protected readonly created = signal<{ readonly name: string; readonly token: string } | null>(null);
  protected readonly copyState = signal<'idle' | 'copied' | 'failed'>('idle');
  protected readonly confirming = signal<string | null>(null);
  protected readonly revoking = signal<string | null>(null);
  protected readonly notice = signal<Message | null>(null);
  protected readonly revokeError = signal<Message | null>(null);

  protected readonly state = new FormState(
    'create-token',
    {
      name: { checks: [required(message('tokens.create.name.required'))] },
      expiresAt: { checks: [notBefore(this.today, message('tokens.create.expires.past'))] },
    },
    this.injector,
    this.host,
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.created.set(null));
    void this.load();
  }

  protected date(iso: string): string {
    return formatInstant(iso, this.i18n.locale(), this.timeZone);
  }

  protected async load(): Promise<void> {
    this.list.set({ kind: 'loading' });
    try {
      const page = await firstValueFrom(this.api.get('/api/me/tokens'));
      this.list.set({ kind: 'ready', items: page.items, nextCursor: page.nextCursor });
    } catch (error) {
      this.list.set({ kind: 'error', message: feedbackFor(error, []).form ?? message('form.error.unexpected') });
    }
  }

  protected async loadMore(): Promise<void> {
    const current = this.list();
    if (current.kind !== 'ready' || !current.nextCursor || this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    try {
      const page = await firstValueFrom(this.api.get('/api/me/tokens', { params: { cursor: current.nextCursor } }));
      const known = new Set(current.items.map((t) => t.id));
      this.list.set({
        kind: 'ready',
        items: [...current.items, ...page.items.filter((t) => !known.has(t.id))],
        nextCursor: page.nextCursor,
      });
    } catch (error) {
      this.revokeError.set(feedbackFor(error, []).form);
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async create(): Promise<void> {
    const { name, expiresAt } = this.state.values();
    const body = { name: name.trim(), ...(expiresAt ? { expiresAt: endOfDayInZone(expiresAt, this.timeZone) } : {}) };
    const done = await this.state.submit(async () => {
      const { token, apiToken } = await firstValueFrom(this.api.post('/api/me/tokens', body));
      this.created.set({ name: apiToken.name, token });
      this.copyState.set('idle');
      this.notice.set(null);
      this.list.update((list) => (list.kind === 'ready' ? { ...list, items: [apiToken, ...list.items] } : list));
    });
    if (done) {
      this.state.setValues({ name: '', expiresAt: '' });
      this.focus('new-token-heading');
    }
  }

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(): Promise<void> {
    const created = this.created();
    if (!created) {
      return;
    }
    try {
      await navigator.clipboard.writeText(created.token);
      this.copyState.set('copied');
    } catch {
      // No clipboard access (permissions, insecure context): select it for a manual copy.
      this.copyState.set('failed');
      this.host.ownerDocument.getElementById('new-token-value')?.focus();
    }
  }

  protected dismiss(): void {
    this.created.set(null);
    this.focus('api-tokens-heading');
  }

  protected askRevoke(token: ApiToken): void {
    this.confirming.set(token.id);
    this.revokeError.set(null);
    this.focus(`revoke-confirm-${token.id}`);
  }

  protected cancelRevoke(token: ApiToken): void {
    this.confirming.set(null);
    this.focus(`revoke-${token.id}`);
  }

  protected async revoke(token: ApiToken): Promise<void> {
    if (this.revoking()) {
      return;
    }
    this.revoking.set(token.id);
    this.revokeError.set(null);
    try {
      await firstValueFrom(this.api.delete('/api/me/tokens/{id}', { pathParams: { id: token.id } })).catch((error: unknown) => {
        if (toApiError(error).statusCode !== 404) {
          throw error; // 404: revoked already (another tab), which is what was asked
        }
      });
      this.list.update((list) => (list.kind === 'ready' ? { ...list, items: list.items.filter((t) => t.id !== token.id) } : list));
      this.confirming.set(null);
      this.notice.set(message('tokens.revoked', { name: token.name }));
      this.focus('api-tokens-heading');
    } catch (error) {
      this.revokeError.set(feedbackFor(error, []).form);
    } finally {
      this.revoking.set(null);
    }
  }

  private focus(id: string): void {
    focusAfterRender(this.injector, () => this.host.ownerDocument.getElementById(id)?.focus());
  }
}

/** A day (`YYYY-MM-DD`) not before `today`; ISO days compare as strings. Empty passes. */
function notBefore<F extends string>(today: string, message: Message): Check<F> {
  return { message, fails: (value) => value !== '' && value < today };
}
