import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { statusKey } from '../campaigns/demand-status';
import { StatusChip } from '../campaigns/status-chip';
import { ApiClient } from '../core/api/api-client';
import { isApiError, toApiError, type ApiErrorDetail } from '../core/api/api-error';
import { HttpError } from '../core/api/http-error';
import { dayInZone } from '../core/dates/dates';
import { BindField } from '../core/forms/bind-field';
import { required, type Check } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import type { CodeMessages } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { assessmentKey, channelKey } from './demand-labels';
import { ASSESSMENTS, CHANNELS, type Campaign, type DemandStatus, type DemandSummary, type NewResponse } from './demand-types';
import type { FlashState } from '../core/ui/flash-notice';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { routeParam } from './route-param';

type Field = 'institutionId' | 'demandIds' | 'statusMoves' | 'assessment' | 'channel' | 'receivedOn' | 'summary' | 'sourceUrl';

const FIELDS: readonly Field[] = [
  'institutionId',
  'demandIds',
  'statusMoves',
  'assessment',
  'channel',
  'receivedOn',
  'summary',
  'sourceUrl',
];

interface Loaded {
  readonly campaign: Campaign;
  readonly demands: readonly DemandSummary[];
}

interface Institution {
  readonly id: string;
  readonly name: string;
}

/** The chosen demand ids travel in one text field (comma-separated), so the form's checks and messages apply. */
const SEPARATOR = ',';

/**
 * `/campaigns/:campaignId/responses/new` (`?demandId=`, `?institutionId=` pre-fill; `?from=demand`
 * returns to the demand): logs what an institution answered — which of its demands in this
 * campaign the response answers, the assessment, channel, day received, a summary and a source
 * link — and optionally moves the answered demands' statuses (only to statuses allowed next).
 * A coordinator of a lead organization moves them at once; anyone else proposes, and a
 * coordinator confirms. The API's field errors show at their fields (`demandIds.0`,
 * `statusMoves.1.to` included); the rest above the form.
 */
@Component({
  selector: 'dm-log-response-page',
  imports: [TPipe, RouterLink, BindField, FieldError, FormAlert, LoadStatus, SubmitButton, StatusChip],
  template: `
    <p class="back">
      <a [routerLink]="backLink()">{{ backLabel() | t }}</a>
    </p>
    <h1>{{ 'response.new.heading' | t }}</h1>
    @let current = data();
    <dm-load-status [state]="current" loading="response.new.loading" (retry)="load()" />
    @if (current.kind === 'ready') {
      @if (!current.value.campaign.access.canContribute) {
        <p class="alert alert--error" role="alert">{{ 'response.new.observer' | t }}</p>
      } @else if (current.value.demands.length === 0) {
        <p class="muted">{{ 'response.new.noDemands' | t }}</p>
      } @else {
        <p class="muted">{{ 'response.new.intro' | t: { campaign: current.value.campaign.title } }}</p>
        <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
          @if (state.formError(); as error) {
            <dm-form-alert [id]="state.alertId" [message]="error" />
          }
          <div class="field">
            <label class="field__label" for="response-institution">{{ 'response.institution' | t }}</label>
            <select id="response-institution" class="input" required [dmField]="state.fields.institutionId">
              <option value="" [selected]="state.fields.institutionId.value() === ''">{{ 'response.institution.choose' | t }}</option>
              @for (institution of institutions(); track institution.id) {
                <option [value]="institution.id" [selected]="institution.id === state.fields.institutionId.value()">
                  {{ institution.name }}
                </option>
              }
            </select>
            @if (state.errors().institutionId; as error) {
              <dm-field-error [id]="state.errorId('institutionId')" [message]="error" />
            }
          </div>

          @if (state.fields.institutionId.value()) {
            <fieldset class="group" [attr.aria-describedby]="demandsDescribedBy()">
              <legend class="field__label">{{ 'response.demands' | t }}</legend>
              <p class="field__hint" id="response-demands-hint">{{ 'response.demands.hint' | t }}</p>
              @if (state.errors().demandIds; as error) {
                <dm-field-error [id]="state.errorId('demandIds')" [message]="error" />
              }
              @for (demand of institutionDemands(); track demand.id) {
                <div class="choice">
                  <input
                    type="checkbox"
                    name="demandIds"
                    [id]="'answers-' + demand.id"
                    [value]="demand.id"
                    [checked]="chosen().has(demand.id)"
                    [attr.aria-invalid]="state.errors().demandIds ? 'true' : null"
                    [attr.aria-describedby]="state.errors().demandIds ? state.errorId('demandIds') : null"
                    (change)="toggle(demand.id, $event)"
                  />
                  <label [for]="'answers-' + demand.id">
                    <span class="choice__office">{{ demand.office.title }}</span>&ngsp;<dm-status-chip
                      [status]="demand.status"
                    />&ngsp;<span class="choice__text">{{ demand.text }}</span>
                  </label>
                </div>
              }
            </fieldset>
          }

          @if (chosenDemands().length > 0) {
            <fieldset class="group" aria-describedby="response-moves-hint">
              <legend class="field__label">{{ 'response.moves' | t }}</legend>
              <p class="field__hint" id="response-moves-hint">
                {{ (canCoordinate() ? 'response.moves.hint.coordinator' : 'response.moves.hint.member') | t }}
              </p>
              @if (!moveInError() && state.errors().statusMoves; as error) {
                <dm-field-error [id]="state.errorId('statusMoves')" [message]="error" />
              }
              @for (demand of chosenDemands(); track demand.id) {
                <div class="field">
                  <label class="move__label" [for]="'move-' + demand.id">
                    {{ 'response.moves.label' | t: { office: demand.office.title, demand: shortText(demand.text) } }}
                  </label>
                  @if (demand.nextStatuses.length === 0) {
                    <p class="muted" [id]="'move-' + demand.id">{{ 'response.moves.none' | t: { status: statusName(demand.status) } }}</p>
                  } @else {
                    <select
                      class="input"
                      [id]="'move-' + demand.id"
                      [attr.name]="moveName(demand.id, $first)"
                      [attr.aria-invalid]="moveInError() === demand.id ? 'true' : null"
                      [attr.aria-describedby]="moveInError() === demand.id ? state.errorId('statusMoves') : null"
                      (change)="setMove(demand.id, $event)"
                    >
                      <option value="" [selected]="!moves()[demand.id]">
                        {{ 'response.moves.keep' | t: { status: statusName(demand.status) } }}
                      </option>
                      @for (status of demand.nextStatuses; track status) {
                        <option [value]="status" [selected]="moves()[demand.id] === status">{{ statusName(status) }}</option>
                      }
                    </select>
                    @if (moveInError() === demand.id && state.errors().statusMoves; as error) {
                      <dm-field-error [id]="state.errorId('statusMoves')" [message]="error" />
                    }
                  }
                </div>
              }
            </fieldset>
          }

          <div class="field">
            <label class="field__label" for="response-assessment">{{ 'response.assessment' | t }}</label>
            <p class="field__hint" id="response-assessment-hint">{{ 'response.assessment.hint' | t }}</p>
            <select id="response-assessment" class="input" required [dmField]="state.fields.assessment" dmHint="response-assessment-hint">
              <option value="" [selected]="state.fields.assessment.value() === ''">{{ 'response.choose' | t }}</option>
              @for (assessment of assessments; track assessment) {
                <option [value]="assessment" [selected]="assessment === state.fields.assessment.value()">
                  {{ assessmentKey(assessment) | t }}
                </option>
              }
            </select>
            @if (state.errors().assessment; as error) {
              <dm-field-error [id]="state.errorId('assessment')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="response-channel">{{ 'response.channel' | t }}</label>
            <select id="response-channel" class="input" required [dmField]="state.fields.channel">
              <option value="" [selected]="state.fields.channel.value() === ''">{{ 'response.choose' | t }}</option>
              @for (channel of channels; track channel) {
                <option [value]="channel" [selected]="channel === state.fields.channel.value()">{{ channelKey(channel) | t }}</option>
              }
            </select>
            @if (state.errors().channel; as error) {
              <dm-field-error [id]="state.errorId('channel')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="response-received">{{ 'response.receivedOn' | t }}</label>
            <input
              id="response-received"
              class="input input--date"
              type="date"
              required
              [max]="today"
              [dmField]="state.fields.receivedOn"
            />
            @if (state.errors().receivedOn; as error) {
              <dm-field-error [id]="state.errorId('receivedOn')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="response-summary">{{ 'response.summary' | t }}</label>
            <p class="field__hint" id="response-summary-hint">{{ 'response.summary.hint' | t }}</p>
            <textarea
              id="response-summary"
              class="input"
              rows="5"
              required
              maxlength="10000"
              [dmField]="state.fields.summary"
              dmHint="response-summary-hint"
            ></textarea>
            @if (state.errors().summary; as error) {
              <dm-field-error [id]="state.errorId('summary')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="response-source">{{ 'response.sourceUrl' | t }}</label>
            <p class="field__hint" id="response-source-hint">{{ 'response.sourceUrl.hint' | t }}</p>
            <input
              id="response-source"
              class="input"
              type="url"
              inputmode="url"
              autocomplete="url"
              maxlength="2000"
              [dmField]="state.fields.sourceUrl"
              dmHint="response-source-hint"
            />
            @if (state.errors().sourceUrl; as error) {
              <dm-field-error [id]="state.errorId('sourceUrl')" [message]="error" />
            }
          </div>
          <div class="form__actions">
            <button dmSubmit [busy]="state.submitting()" label="response.submit" busyLabel="response.submitting"></button>
            <a [routerLink]="backLink()">{{ 'form.cancel' | t }}</a>
          </div>
        </form>
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .form {
      max-width: 44rem;
    }
    .group {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      margin: 0;
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
    }
    .group legend {
      padding: 0 var(--space-1);
    }
    .choice {
      display: flex;
      gap: var(--space-2);
      align-items: flex-start;
    }
    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.2rem;
    }
    .choice__office {
      font-weight: 600;
      margin-right: var(--space-2);
    }
    .choice__text {
      display: block;
    }
    .move__label {
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogResponsePage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;
  private readonly timeZone = signedInUser(inject(Session)).timeZone;
  protected readonly today = dayInZone(this.timeZone);
  protected readonly assessments = ASSESSMENTS;
  protected readonly channels = CHANNELS;
  protected readonly assessmentKey = assessmentKey;
  protected readonly channelKey = channelKey;

  protected readonly campaignId = routeParam('campaignId');
  /** Pre-filled from the link that led here. */
  private readonly preDemandId = this.query.get('demandId') ?? '';
  private readonly preInstitutionId = this.query.get('institutionId') ?? '';
  private readonly fromDemand = this.query.get('from') === 'demand' && this.preDemandId !== '';

  protected readonly data = signal<LoadState<Loaded>>(LOADING);
  /** The status each chosen demand should move to ('' or absent: it stays). */
  protected readonly moves = signal<Readonly<Record<string, DemandStatus | ''>>>({});
  /** The demand whose status move the API refused, to show its message there. */
  protected readonly moveInError = signal<string | null>(null);

  protected readonly state = new FormState<Field>(
    'log-response',
    {
      institutionId: { value: this.preInstitutionId, checks: [required(message('response.institution.required'))] },
      demandIds: { checks: [required(message('response.demands.required'))] },
      statusMoves: {},
      assessment: { checks: [required(message('response.assessment.required'))] },
      channel: { checks: [required(message('response.channel.required'))] },
      receivedOn: {
        value: this.today,
        checks: [required(message('response.receivedOn.required')), notAfter(this.today, message('response.receivedOn.future'))],
      },
      summary: { checks: [required(message('response.summary.required'))] },
      sourceUrl: { checks: [webAddress(message('response.sourceUrl.invalid'))] },
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  protected readonly canCoordinate = computed(() => {
    const current = this.data();
    return current.kind === 'ready' && current.value.campaign.access.canCoordinate;
  });
  /** Every institution this campaign addresses, in letter order. */
  protected readonly institutions = computed<readonly Institution[]>(() => {
    const current = this.data();
    const found = new Map<string, string>();
    for (const demand of current.kind === 'ready' ? current.value.demands : []) {
      found.set(demand.office.institutionId, demand.office.institutionName);
    }
    return [...found].map(([id, name]) => ({ id, name }));
  });
  protected readonly institutionDemands = computed(() => {
    const current = this.data();
    const institutionId = this.state.fields.institutionId.value();
    return current.kind === 'ready' ? current.value.demands.filter((d) => d.office.institutionId === institutionId) : [];
  });
  protected readonly chosen = computed(() => new Set(this.state.fields.demandIds.value().split(SEPARATOR).filter(Boolean)));
  protected readonly chosenDemands = computed(() => this.institutionDemands().filter((d) => this.chosen().has(d.id)));
  protected readonly demandsDescribedBy = computed(() =>
    ['response-demands-hint', this.state.errors().demandIds ? this.state.errorId('demandIds') : null].filter(Boolean).join(' '),
  );
  protected readonly backLink = computed(() =>
    this.fromDemand ? ['/campaigns', this.campaignId(), 'demands', this.preDemandId] : ['/campaigns', this.campaignId()],
  );
  protected readonly backLabel = computed<TranslationKey>(() => (this.fromDemand ? 'response.back.demand' : 'response.back.campaign'));

  constructor() {
    // Another institution: the demands chosen for the previous one no longer apply.
    effect(() => {
      const ids = new Set(this.institutionDemands().map((d) => d.id));
      untracked(() => {
        const kept = [...this.chosen()].filter((id) => ids.has(id));
        if (kept.length !== this.chosen().size) {
          this.setChosen(kept);
        }
      });
    });
    void this.load();
  }

  protected statusName(status: DemandStatus): string {
    return this.i18n.translate(statusKey(status));
  }

  protected shortText(text: string): string {
    return text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text;
  }

  /** The select a status-move message is about gets the field's name, so a failed submit focuses it. */
  protected moveName(demandId: string, first: boolean): string | null {
    const inError = this.moveInError();
    return inError === demandId || (inError === null && first) ? 'statusMoves' : null;
  }

  protected toggle(demandId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const ids = new Set(this.chosen());
    if (checked) {
      ids.add(demandId);
    } else {
      ids.delete(demandId);
    }
    this.setChosen([...ids]);
    this.state.edited('demandIds');
  }

  protected setMove(demandId: string, event: Event): void {
    const to = (event.target as HTMLSelectElement).value as DemandStatus | '';
    this.moves.update((moves) => ({ ...moves, [demandId]: to }));
    if (this.moveInError() === demandId || this.moveInError() === null) {
      this.moveInError.set(null);
      this.state.edited('statusMoves');
    }
  }

  protected async load(): Promise<void> {
    this.data.set(LOADING);
    try {
      const [campaign, demands] = await Promise.all([
        firstValueFrom(this.api.get('/api/campaigns/{id}', { pathParams: { id: this.campaignId() } })),
        this.allDemands(),
      ]);
      this.data.set({ kind: 'ready', value: { campaign, demands } });
      this.prefill(demands);
    } catch (error) {
      this.data.set(loadError(error, 'response.new.notFound'));
    }
  }

  protected async submit(): Promise<void> {
    const values = this.state.values();
    const demandIds = this.chosenDemands().map((d) => d.id);
    const statusMoves = demandIds.flatMap((demandId) => {
      const to = this.moves()[demandId];
      return to ? [{ demandId, to }] : [];
    });
    const proposed = statusMoves.length > 0 && !this.canCoordinate();
    this.moveInError.set(null);
    const codes: CodeMessages<Field> = {
      forbidden: message('response.error.forbidden'),
      illegal_transition: message('response.error.statusMoved'),
      stale_status: message('response.error.statusMoved'),
    };
    const sent = await this.state.submit(async () => {
      const body: NewResponse = {
        institutionId: values.institutionId,
        demandIds,
        assessment: values.assessment as NewResponse['assessment'],
        channel: values.channel as NewResponse['channel'],
        receivedOn: values.receivedOn,
        summary: values.summary.trim(),
        ...(values.sourceUrl.trim() ? { sourceUrl: values.sourceUrl.trim() } : {}),
        ...(statusMoves.length > 0 ? { statusMoves } : {}),
      };
      try {
        await firstValueFrom(this.api.post('/api/campaigns/{id}/responses', body, { pathParams: { id: this.campaignId() } }));
      } catch (error) {
        const code = toApiError(error).code;
        if (code === 'illegal_transition' || code === 'stale_status') {
          void this.refreshStatuses();
        }
        throw this.atFormFields(error, statusMoves);
      }
    }, codes);
    if (sent) {
      const state: FlashState = { demarcheNotice: proposed ? 'response.logged.proposed' : 'response.logged' };
      await this.router.navigate(this.backLink(), { state });
    }
  }

  /** Every demand of the campaign (the API pages by 200 at most). */
  private async allDemands(): Promise<DemandSummary[]> {
    const demands: DemandSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await firstValueFrom(
        this.api.get('/api/campaigns/{id}/demands', { pathParams: { id: this.campaignId() }, params: { limit: 200, cursor } }),
      );
      demands.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return demands;
  }

  /** `?demandId=` picks its institution (unless `?institutionId=` names one) and ticks it. */
  private prefill(demands: readonly DemandSummary[]): void {
    const demand = demands.find((d) => d.id === this.preDemandId);
    const institutionId = this.state.fields.institutionId.value();
    if (!demands.some((d) => d.office.institutionId === institutionId)) {
      this.state.setValues({ institutionId: '' });
    }
    if (demand && (institutionId === '' || institutionId === demand.office.institutionId)) {
      this.state.setValues({ institutionId: demand.office.institutionId });
      this.setChosen([demand.id]);
    }
  }

  /** A status changed meanwhile: reload the demands, and drop moves that are no longer allowed. */
  private async refreshStatuses(): Promise<void> {
    const current = this.data();
    if (current.kind !== 'ready') {
      return;
    }
    try {
      const demands = await this.allDemands();
      this.data.set({ kind: 'ready', value: { ...current.value, demands } });
      const byId = new Map(demands.map((d) => [d.id, d]));
      this.moves.update((moves) =>
        Object.fromEntries(Object.entries(moves).filter(([id, to]) => to && byId.get(id)?.nextStatuses.includes(to))),
      );
    } catch {
      // The form's message already says to check the statuses; a reload of the page will show them.
    }
  }

  private setChosen(ids: readonly string[]): void {
    this.state.fields.demandIds.value.set(ids.join(SEPARATOR));
  }

  /**
   * The API names list items (`demandIds.2`, `statusMoves.0.to`); the form shows them at the list:
   * the demands fieldset, or the status move of the demand concerned.
   */
  private atFormFields(error: unknown, moves: readonly { demandId: string }[]): unknown {
    if (!(error instanceof HttpError) || !isApiError(error.body) || !Array.isArray(error.body.details)) {
      return error;
    }
    const details: ApiErrorDetail[] = error.body.details.map((detail) => {
      const [head, index] = detail.field.split('.');
      if (head === 'statusMoves') {
        const demandId = index !== undefined ? moves[Number(index)]?.demandId : undefined;
        if (demandId && this.moveInError() === null) {
          this.moveInError.set(demandId);
        }
        return { ...detail, field: 'statusMoves' };
      }
      return head && head !== detail.field && FIELDS.includes(head as Field) ? { ...detail, field: head } : detail;
    });
    return new HttpError({
      body: { ...error.body, details },
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url,
    });
  }
}

/** A day (`YYYY-MM-DD`) no later than `last`. */
function notAfter<F extends string>(last: string, text: Message): Check<F> {
  return { message: text, fails: (value) => value !== '' && value > last };
}

/** Empty, or an http(s) address (the API's rule). */
function webAddress<F extends string>(text: Message): Check<F> {
  return {
    message: text,
    fails: (value) => {
      const trimmed = value.trim();
      if (trimmed === '') {
        return false;
      }
      try {
        const url = new URL(trimmed);
        return !(url.protocol === 'http:' || url.protocol === 'https:') || url.hostname === '';
      } catch {
        return true;
      }
    },
  };
}
