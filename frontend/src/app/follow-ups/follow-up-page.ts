import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import type { components } from '../core/api/schema.generated';
import { FormAlert } from '../core/forms/form-alert';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { routeParam } from '../demands/route-param';
import { FollowUpActions } from './follow-up-actions';
import { type FollowUp } from './follow-up-data';
import { FollowUpStatusChip } from './follow-up-status-chip';
import { personDates } from '../core/dates/person-dates';

type Access = components['schemas']['CampaignAccessDto'];

interface Loaded {
  readonly followUp: FollowUp;
  readonly access: Access;
}

/**
 * `/campaigns/:campaignId/follow-ups/:followUpId` (where notifications link): the follow-up, its
 * links, its completion note, and what the person may do with it.
 */
@Component({
  selector: 'dm-follow-up-page',
  imports: [TPipe, RouterLink, FormAlert, FollowUpActions, FollowUpStatusChip],
  template: `
    <p class="back">
      <a [routerLink]="['/campaigns', campaignId(), 'follow-ups']">{{ 'followUps.back.campaign' | t }}</a>
      · <a routerLink="/follow-ups">{{ 'followUps.back.mine' | t }}</a>
    </p>
    @let current = state();
    @switch (current.kind) {
      @case ('loading') {
        <h1>{{ 'followUps.detail.title' | t }}</h1>
        <p role="status">{{ 'followUps.detail.loading' | t }}</p>
      }
      @case ('error') {
        <h1>{{ 'followUps.detail.title' | t }}</h1>
        <dm-form-alert [message]="current.message" />
        <button type="button" class="button" (click)="load()">{{ 'form.retry' | t }}</button>
      }
      @case ('ready') {
        @let item = current.value.followUp;
        <h1>{{ item.title }}</h1>
        <p class="head">
          <dm-follow-up-status [status]="item.status" />
          @if (item.overdue) {
            &ngsp;<strong class="overdue"><span aria-hidden="true">⚠ </span>{{ 'followUps.overdue' | t }}</strong>
          }
          @if (item.isExample) {
            &ngsp;<span class="muted">{{ 'followUps.example' | t }}</span>
          }
        </p>
        <dl class="facts panel">
          <dt>{{ 'followUps.campaign' | t }}</dt>
          <dd>
            <a [routerLink]="['/campaigns', item.campaignId]">{{ item.campaignTitle }}</a>
          </dd>
          <dt>{{ 'followUps.organization' | t }}</dt>
          <dd>{{ item.organizationName }}</dd>
          <dt>{{ 'followUps.assignee' | t }}</dt>
          <dd>{{ item.assigneeName ?? ('followUps.anyone' | t) }}</dd>
          <dt>{{ 'followUps.due' | t }}</dt>
          <dd>
            {{ 'followUps.dueAt' | t: { date: dates.instant(item.dueAt), zone: dates.zone() } }}
            @if (item.dueTimeZone !== dates.zone()) {
              <br /><span class="muted">{{ 'followUps.statedIn' | t: { zone: item.dueTimeZone } }}</span>
            }
          </dd>
          @if (item.demandId) {
            <dt>{{ 'followUps.demand' | t }}</dt>
            <dd>
              <a [routerLink]="['/campaigns', item.campaignId, 'demands', item.demandId]">{{ 'followUps.demand.link' | t }}</a>
            </dd>
          }
          @if (item.responseId) {
            <dt>{{ 'followUps.response' | t }}</dt>
            <dd>
              <a [routerLink]="['/campaigns', item.campaignId, 'responses', item.responseId]">{{ 'followUps.response.link' | t }}</a>
            </dd>
          }
          @if (item.completedAt) {
            <dt>{{ 'followUps.completedAt' | t }}</dt>
            <dd>{{ dates.instant(item.completedAt) }}</dd>
          }
        </dl>
        <section aria-labelledby="fu-details">
          <h2 id="fu-details">{{ 'followUps.details' | t }}</h2>
          <p class="text">{{ item.details || ('followUps.details.none' | t) }}</p>
        </section>
        @if (item.completionNote) {
          <section aria-labelledby="fu-note">
            <h2 id="fu-note">{{ 'followUps.completionNote' | t }}</h2>
            <p class="text">{{ item.completionNote }}</p>
          </section>
        }
        @if (saved()) {
          <dm-form-alert kind="ok" [message]="{ key: 'followUps.saved' }" />
        }
        @if (canAct()) {
          @if (item.status === 'open' || item.status === 'in_progress') {
            <section aria-labelledby="fu-actions">
              <h2 id="fu-actions">{{ 'followUps.actions' | t }}</h2>
              <dm-follow-up-actions [followUp]="item" (changed)="updated($event)" />
            </section>
          }
        } @else {
          <p class="muted">{{ 'followUps.readOnly' | t }}</p>
        }
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--space-2) var(--space-3);
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .overdue {
      color: var(--color-bad);
    }
    .text {
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  protected readonly dates = personDates();
  protected readonly campaignId = routeParam('campaignId');
  protected readonly followUpId = routeParam('followUpId');
  protected readonly state = signal<LoadState<Loaded>>(LOADING);
  protected readonly saved = signal(false);
  private generation = 0;

  /** Coordinators of a lead organization, or contributors of the assigned organization. */
  protected readonly canAct = computed(() => {
    const current = this.state();
    if (current.kind !== 'ready') return false;
    const { access, followUp } = current.value;
    return access.canCoordinate || (access.canContribute && this.session.user()?.organization.id === followUp.organizationId);
  });

  constructor() {
    effect(() => {
      this.campaignId();
      this.followUpId();
      untracked(() => void this.load());
    });
  }

  protected async load(): Promise<void> {
    const generation = ++this.generation;
    this.state.set(LOADING);
    this.saved.set(false);
    try {
      const [followUp, campaign] = await Promise.all([
        firstValueFrom(this.api.get('/api/follow-ups/{id}', { pathParams: { id: this.followUpId() } })),
        firstValueFrom(this.api.get('/api/campaigns/{id}', { pathParams: { id: this.campaignId() } })),
      ]);
      if (generation === this.generation) {
        this.state.set({ kind: 'ready', value: { followUp, access: campaign.access } });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.state.set(loadError(error, 'followUps.notFound'));
      }
    }
  }

  protected updated(followUp: FollowUp): void {
    this.state.update((current) => (current.kind === 'ready' ? { kind: 'ready', value: { ...current.value, followUp } } : current));
    this.saved.set(true);
  }
}
