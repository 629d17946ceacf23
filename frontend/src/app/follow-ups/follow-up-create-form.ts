import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import type { components } from '../core/api/schema.generated';
import { dayInZone } from '../core/dates/dates';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { zoneChoices } from '../core/dates/time-zones';
import { instantInZone, type FollowUp, type NewFollowUp } from './follow-up-data';
import { allPages } from '../core/api/pages';

type Campaign = components['schemas']['CampaignDto'];
type Demand = components['schemas']['DemandDto'];
type Field = 'title' | 'details' | 'organizationId' | 'assigneeId' | 'dueDate' | 'dueTime' | 'dueTimeZone' | 'demandId';

interface Person {
  readonly id: string;
  readonly name: string;
}

/**
 * Assigns a follow-up to an organization of the campaign (coordinators of a lead organization):
 * title, details, organization, optional assignee, due day, time and zone, optional demand.
 * The API's field errors show at their fields; one about `dueAt`, which the form computes from the
 * day, time and zone, shows above the form.
 */
@Component({
  selector: 'dm-follow-up-create-form',
  imports: [TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
      @if (state.formError(); as error) {
        <dm-form-alert [id]="state.alertId" [message]="error" />
      }
      <div class="field">
        <label class="field__label" for="fu-title">{{ 'followUps.form.title' | t }}</label>
        <input id="fu-title" class="input" required maxlength="300" [dmField]="state.fields.title" />
        @if (state.errors().title; as error) {
          <dm-field-error [id]="state.errorId('title')" [message]="error" />
        }
      </div>
      <div class="field">
        <label class="field__label" for="fu-details">{{ 'followUps.form.details' | t }}</label>
        <textarea id="fu-details" class="input" rows="3" maxlength="10000" [dmField]="state.fields.details"></textarea>
        @if (state.errors().details; as error) {
          <dm-field-error [id]="state.errorId('details')" [message]="error" />
        }
      </div>
      <fieldset class="group">
        <legend class="field__label">{{ 'followUps.form.who' | t }}</legend>
        <div class="field">
          <label class="field__label" for="fu-organization">{{ 'followUps.organization' | t }}</label>
          <select id="fu-organization" class="input" required [dmField]="state.fields.organizationId">
            <option value="" [selected]="state.fields.organizationId.value() === ''">{{ 'followUps.form.chooseOrganization' | t }}</option>
            @for (organization of campaign().organizations; track organization.id) {
              <option [value]="organization.id" [selected]="organization.id === state.fields.organizationId.value()">
                {{ organization.name }}
              </option>
            }
          </select>
          @if (state.errors().organizationId; as error) {
            <dm-field-error [id]="state.errorId('organizationId')" [message]="error" />
          }
        </div>
        <div class="field">
          <label class="field__label" for="fu-assignee">{{ 'followUps.form.assignee' | t }}</label>
          <select id="fu-assignee" class="input" [dmField]="state.fields.assigneeId">
            <option value="" [selected]="state.fields.assigneeId.value() === ''">{{ 'followUps.form.noAssignee' | t }}</option>
            @for (person of people(); track person.id) {
              <option [value]="person.id" [selected]="person.id === state.fields.assigneeId.value()">{{ person.name }}</option>
            }
          </select>
          @if (state.errors().assigneeId; as error) {
            <dm-field-error [id]="state.errorId('assigneeId')" [message]="error" />
          }
        </div>
      </fieldset>
      <fieldset class="group">
        <legend class="field__label">{{ 'followUps.form.due' | t }}</legend>
        <div class="row">
          <div class="field">
            <label class="field__label" for="fu-due-date">{{ 'followUps.form.dueDate' | t }}</label>
            <input id="fu-due-date" class="input" type="date" required [dmField]="state.fields.dueDate" />
            @if (state.errors().dueDate; as error) {
              <dm-field-error [id]="state.errorId('dueDate')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="fu-due-time">{{ 'followUps.form.dueTime' | t }}</label>
            <input id="fu-due-time" class="input" type="time" required [dmField]="state.fields.dueTime" />
            @if (state.errors().dueTime; as error) {
              <dm-field-error [id]="state.errorId('dueTime')" [message]="error" />
            }
          </div>
        </div>
        <div class="field">
          <label class="field__label" for="fu-zone">{{ 'followUps.form.dueTimeZone' | t }}</label>
          <select id="fu-zone" class="input" required [dmField]="state.fields.dueTimeZone">
            @for (zone of zones; track zone) {
              <option [value]="zone" [selected]="zone === state.fields.dueTimeZone.value()">{{ zone }}</option>
            }
          </select>
          @if (state.errors().dueTimeZone; as error) {
            <dm-field-error [id]="state.errorId('dueTimeZone')" [message]="error" />
          }
        </div>
      </fieldset>
      <div class="field">
        <label class="field__label" for="fu-demand">{{ 'followUps.form.demand' | t }}</label>
        <select id="fu-demand" class="input" [dmField]="state.fields.demandId">
          <option value="" [selected]="state.fields.demandId.value() === ''">{{ 'followUps.form.noDemand' | t }}</option>
          @for (demand of demands(); track demand.id) {
            <option [value]="demand.id" [selected]="demand.id === state.fields.demandId.value()">{{ demandLabel(demand) }}</option>
          }
        </select>
        @if (state.errors().demandId; as error) {
          <dm-field-error [id]="state.errorId('demandId')" [message]="error" />
        }
      </div>
      <div class="form__actions">
        <button dmSubmit [busy]="state.submitting()" label="followUps.form.submit" busyLabel="followUps.form.submitting"></button>
      </div>
    </form>
  `,
  styles: `
    .group {
      margin: 0;
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpCreateForm {
  private readonly api = inject(ApiClient);
  private readonly zone = inject(Session).user()?.timeZone ?? 'UTC';
  readonly campaign = input.required<Campaign>();
  readonly demands = input.required<readonly Demand[]>();
  readonly demandId = input('');
  readonly created = output<FollowUp>();
  protected readonly zones = zoneChoices(this.zone);
  protected readonly people = signal<readonly Person[]>([]);

  protected readonly state = new FormState<Field>(
    'follow-up-create',
    {
      title: { checks: [required(message('followUps.form.title.required'))] },
      details: {},
      organizationId: { checks: [required(message('followUps.form.organization.required'))] },
      assigneeId: {},
      dueDate: { checks: [required(message('followUps.form.dueDate.required'))] },
      dueTime: { value: '17:00', checks: [required(message('followUps.form.dueTime.required'))] },
      dueTimeZone: { value: this.zone, checks: [required(message('followUps.form.dueTimeZone.required'))] },
      demandId: {},
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );
  private readonly organizationId = computed(() => this.state.fields.organizationId.value());

  constructor() {
    effect(() => {
      const demandId = this.demandId();
      untracked(() => this.state.setValues({ demandId }));
    });
    effect(() => {
      const organizationId = this.organizationId();
      untracked(() => void this.loadPeople(organizationId));
    });
    this.state.setValues({ dueDate: dayInZone(this.zone, new Date(Date.now() + 7 * 86_400_000)) });
  }

  protected demandLabel(demand: Demand): string {
    const text = demand.text.length > 70 ? `${demand.text.slice(0, 67).trimEnd()}…` : demand.text;
    return `${demand.reference ?? demand.position} · ${demand.office.title}: ${text}`;
  }

  protected async submit(): Promise<void> {
    const v = this.state.values();
    let saved: FollowUp | undefined;
    const ok = await this.state.submit(
      async () => {
        const body: NewFollowUp = {
          title: v.title.trim(),
          organizationId: v.organizationId,
          dueAt: instantInZone(v.dueDate, v.dueTime, v.dueTimeZone),
          dueTimeZone: v.dueTimeZone,
          ...(v.details.trim() ? { details: v.details.trim() } : {}),
          ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}),
          ...(v.demandId ? { demandId: v.demandId } : {}),
        };
        saved = await firstValueFrom(this.api.post('/api/campaigns/{id}/follow-ups', body, { pathParams: { id: this.campaign().id } }));
      },
      { forbidden: message('followUps.error.forbidden') },
    );
    if (ok && saved) {
      this.state.setValues({ title: '', details: '', assigneeId: '' });
      this.created.emit(saved);
    }
  }

  /** The people of the chosen organization, to pick an assignee from (none when the directory is out of reach). */
  private async loadPeople(organizationId: string): Promise<void> {
    this.people.set([]);
    this.state.setValues({ assigneeId: '' });
    if (!organizationId) return;
    try {
      const users = await allPages((cursor) => this.api.get('/api/users', { params: { organizationId, limit: 200, cursor } }));
      if (this.organizationId() === organizationId) {
        this.people.set(users.map((u) => ({ id: u.id, name: u.displayName })));
      }
    } catch {
      // Without the directory, the follow-up goes to the organization as a whole.
    }
  }
}
