import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom, type Observable, type Subscription } from 'rxjs';

import { ConfirmAction } from '../admin/confirm-action';
import { ApiClient } from '../core/api/api-client';
import { toApiError } from '../core/api/api-error';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor, type CodeMessages } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { focusAfterRender } from '../core/ui/focus-after-render';
import {
  COALITION_ROLES,
  isCampaignRole,
  isLastLead,
  joinMode,
  joinOutcome,
  losesCoordination,
  nextActive,
  offerable,
  otherRole,
  removalBlock,
  type CampaignOrganization,
  type CampaignRole,
  type OrganizationName,
  type PendingOrganization,
  type Viewer,
} from './coalition-data';
import { plural, type Campaign } from './setup-data';
import { trackUnsavedEdits } from './unsaved-changes';

/** How long typing must pause before the organizations are searched (as the office picker). */
export const ORGANIZATION_SEARCH_DELAY_MS = 250;
const RESULTS = 10;

type Field = 'organizationId' | 'role';

type Search =
  | { readonly kind: 'idle' }
  | { readonly kind: 'searching' }
  | { readonly kind: 'error'; readonly query: string }
  | { readonly kind: 'ready'; readonly query: string; readonly found: readonly OrganizationName[] };

/** A change to the coalition that waits for a confirmation, and on which organization. */
interface Confirming {
  readonly action: 'remove' | 'demote' | 'withdraw';
  readonly id: string;
}

/** An action on the coalition that failed; `stale`: the coalition shown is no longer the API's — reload. */
interface ListError {
  readonly message: Message;
  readonly stale: boolean;
}

const ROLE_KEYS = {
  lead: 'setup.coalition.role.lead',
  signatory: 'setup.coalition.role.signatory',
} as const satisfies Record<CampaignRole, TranslationKey>;

const ROLE_HINT_KEYS = {
  lead: 'setup.coalition.role.lead.hint',
  signatory: 'setup.coalition.role.signatory.hint',
} as const satisfies Record<CampaignRole, TranslationKey>;

/** How this step words the API's refusals of a change to the coalition. */
const ACTION_CODES: CodeMessages<never> = {
  last_lead: message('setup.coalition.error.lastLead'),
  not_found: message('setup.coalition.error.gone'),
  forbidden: message('setup.notAllowed'),
};
/** Refusals that mean the coalition changed meanwhile: offer to reload it. */
const STALE_CODES: readonly string[] = ['last_lead', 'not_found'];

/**
 * Step 2, "The coalition": the campaign's lead and signatory organizations (the person's own
 * marked), each of whose role can be changed or which can be removed — never the last lead, and not
 * the person's own (they would lose the campaign) — and the organizations invited, each of whose
 * invitation can be withdrawn. Below, a search of Demarche's organizations by name to bring one in:
 * an administrator adds it directly (200), a coordinator invites it (202) and it joins once its
 * coordinators accept. Each change emits the campaign the API answers, so the page shows it.
 */
@Component({
  selector: 'dm-coalition-step',
  imports: [TPipe, RouterLink, FormAlert, FieldError, SubmitButton, ConfirmAction],
  templateUrl: './coalition-step.html',
  styles: `
    .intro {
      max-width: 48rem;
    }
    .members {
      display: flex;
      flex-direction: column;
      margin: 0 0 var(--space-4);
      padding: 0;
      list-style: none;
    }
    .member {
      display: flex;
      flex-direction: column;
      gap: var(--space-1);
      padding: var(--space-3) 0;
      border-top: 1px solid var(--color-border);
    }
    .member:last-child {
      border-bottom: 1px solid var(--color-border);
    }
    .member__name {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--space-1) var(--space-2);
      margin: 0;
      font-size: 1.1rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .member__own {
      padding: 0 var(--space-2);
      border: 1px solid var(--color-brand);
      border-radius: 1em;
      font-size: 0.875rem;
      color: var(--color-brand);
    }
    .member__role,
    .member__note {
      margin: 0;
    }
    .member__note {
      max-width: 40rem;
      font-size: 0.95rem;
    }
    .member__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      margin-top: var(--space-1);
    }
    .button--delete {
      color: var(--color-bad);
      border-color: var(--color-bad);
    }
    .list-error {
      margin-bottom: var(--space-3);
    }
    .add {
      margin-top: var(--space-4);
    }
    .add .form {
      max-width: 40rem;
    }
    .picker__list {
      margin: var(--space-1) 0 0;
      padding: 0;
      list-style: none;
      max-height: 20rem;
      overflow-y: auto;
      border: 2px solid var(--color-brand);
      border-radius: var(--radius);
      background: var(--color-bg);
    }
    .picker__list[hidden] {
      display: none;
    }
    .picker__option {
      padding: var(--space-2);
      cursor: pointer;
      border-bottom: 1px solid var(--color-border);
      overflow-wrap: anywhere;
    }
    .picker__option:last-child {
      border-bottom: 0;
    }
    .picker__option--active,
    .picker__option:hover {
      background: var(--color-surface);
      outline: 2px solid var(--color-brand);
      outline-offset: -2px;
    }
    .picker__status {
      margin: var(--space-1) 0 0;
      font-size: 0.95rem;
    }
    .picker__status:empty {
      margin: 0;
    }
    .picker__more {
      margin: var(--space-1) 0 0;
      font-size: 0.95rem;
    }
    .picker__chosen {
      margin: var(--space-1) 0 0;
      overflow-wrap: anywhere;
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
    .choice {
      display: flex;
      align-items: flex-start;
      gap: var(--space-2);
    }
    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.15rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoalitionStep {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly session = inject(Session);
  readonly campaign = input.required<Campaign>();
  /** The campaign as the API answered a change to it. */
  readonly changed = output<Campaign>();

  /** The campaign as given, then as this step's last change left it (shown at once, before the page passes it back). */
  protected readonly shown = linkedSignal(() => this.campaign());
  protected readonly organizations = computed(() => this.shown().organizations);
  protected readonly invitations = computed(() => this.shown().invitations);
  private readonly viewer = computed<Viewer>(() => {
    const user = this.session.user();
    return { role: user?.role ?? null, organizationId: user?.organization.id ?? null };
  });
  /** An administrator adds; a coordinator invites. */
  protected readonly mode = computed(() => joinMode(this.viewer().role));
  protected readonly roles = COALITION_ROLES;

  /** What the last change to the list did, and what went wrong with one. */
  protected readonly listNotice = signal<Message | null>(null);
  protected readonly listError = signal<ListError | null>(null);
  protected readonly busy = signal(false);
  protected readonly reloading = signal(false);
  protected readonly confirming = signal<Confirming | null>(null);
  protected readonly confirmError = signal<Message | null>(null);

  // Adding an organization: the form, its search, what the last addition did.
  protected readonly form = new FormState<Field>(
    'coalition',
    {
      organizationId: { checks: [required(message('setup.coalition.organization.required'))] },
      role: { value: 'signatory' },
    },
    this.injector,
    this.host,
  );
  /** An organization chosen and not added yet: leaving asks first. */
  private readonly edits = trackUnsavedEdits(this.form, ['organizationId']);
  protected readonly addNotice = signal<Message | null>(null);
  protected readonly chosen = signal<OrganizationName | null>(null);
  protected readonly query = signal('');
  protected readonly search = signal<Search>({ kind: 'idle' });
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  protected readonly role = computed<CampaignRole>(() => {
    const role = this.form.fields.role.value();
    return isCampaignRole(role) ? role : 'signatory';
  });
  /** The organizations found that are neither in the coalition nor invited. */
  protected readonly results = computed(() => {
    const search = this.search();
    return search.kind === 'ready' ? offerable(search.found, this.shown()) : [];
  });
  protected readonly activeId = computed(() => (this.open() && this.active() >= 0 ? this.optionId(this.active()) : null));
  protected readonly searchDescribedBy = computed(() =>
    ['coalition-organization-hint', this.form.problemId('organizationId')].filter(Boolean).join(' '),
  );
  protected readonly searchStatus = computed(() => {
    const search = this.search();
    switch (search.kind) {
      case 'idle':
        return '';
      case 'searching':
        return this.i18n.translate('setup.coalition.search.searching');
      case 'error':
        return this.i18n.translate('setup.coalition.search.error');
      case 'ready': {
        const count = this.results().length;
        if (count > 0) return this.i18n.translate(`setup.coalition.search.results.${plural(count)}`, { count });
        return this.i18n.translate(search.found.length === 0 ? 'setup.coalition.search.noResults' : 'setup.coalition.search.allTaken', {
          query: search.query,
        });
      }
    }
  });
  /** Nothing in Demarche by that name: say who adds new organizations. */
  protected readonly noneFound = computed(() => {
    const search = this.search();
    return search.kind === 'ready' && search.found.length === 0;
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: Subscription | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      this.request?.unsubscribe();
    });
  }

  protected roleKey(role: CampaignRole): TranslationKey {
    return ROLE_KEYS[role];
  }

  protected roleHintKey(role: CampaignRole): TranslationKey {
    return ROLE_HINT_KEYS[role];
  }

  protected invitationKey(invitation: PendingOrganization): TranslationKey {
    return `setup.coalition.invitation.${invitation.role}`;
  }

  /** "Make signatory" for a lead, "Make lead" for a signatory. */
  protected makeKey(organization: CampaignOrganization): TranslationKey {
    return otherRole(organization.role) === 'lead' ? 'setup.coalition.makeLead' : 'setup.coalition.makeSignatory';
  }

  protected isOwn(organization: CampaignOrganization): boolean {
    return organization.id === this.viewer().organizationId;
  }

  protected isLastLead(organization: CampaignOrganization): boolean {
    return isLastLead(this.shown(), organization.id);
  }

  protected removalBlock(organization: CampaignOrganization) {
    return removalBlock(this.shown(), organization.id, this.viewer());
  }

  protected isConfirming(action: Confirming['action'], id: string): boolean {
    const confirming = this.confirming();
    return confirming?.action === action && confirming.id === id;
  }

  // The coalition

  protected ask(action: Confirming['action'], id: string): void {
    this.confirmError.set(null);
    this.listError.set(null);
    this.confirming.set({ action, id });
  }

  protected cancel(): void {
    const confirming = this.confirming();
    this.confirming.set(null);
    this.confirmError.set(null);
    if (confirming) {
      const action = confirming.action === 'demote' ? 'role' : confirming.action;
      this.focus(`[data-organization-id="${confirming.id}"] [data-action="${action}"]`);
    }
  }

  /** "Make lead" / "Make signatory": at once, unless it takes the person's own coordination away (asked first). */
  protected changeRole(organization: CampaignOrganization): void {
    if (losesCoordination(organization, this.viewer())) {
      this.ask('demote', organization.id);
    } else {
      void this.setRole(organization);
    }
  }

  protected async setRole(organization: CampaignOrganization): Promise<void> {
    const role = otherRole(organization.role);
    const answer = await this.act(() =>
      this.api.put(
        '/api/campaigns/{id}/organizations/{organizationId}',
        { role },
        { pathParams: { id: this.shown().id, organizationId: organization.id } },
      ),
    );
    if (!answer) return;
    const outcome = joinOutcome(answer, organization.id);
    this.listNotice.set(
      outcome?.kind === 'added'
        ? message(`setup.coalition.changed.${outcome.role}`, { name: organization.name })
        : message('setup.coalition.updated'),
    );
    this.focus(`[data-organization-id="${organization.id}"] [data-action="role"]`, '#coalition-heading');
  }

  protected async remove(organization: CampaignOrganization): Promise<void> {
    const answer = await this.act(() =>
      this.api.delete('/api/campaigns/{id}/organizations/{organizationId}', {
        pathParams: { id: this.shown().id, organizationId: organization.id },
      }),
    );
    if (!answer) return;
    this.listNotice.set(message('setup.coalition.removed', { name: organization.name }));
    this.focus('#coalition-heading');
  }

  protected async withdraw(invitation: PendingOrganization): Promise<void> {
    const answer = await this.act(() =>
      this.api.delete('/api/campaigns/{id}/organizations/{organizationId}', {
        pathParams: { id: this.shown().id, organizationId: invitation.organizationId },
      }),
    );
    if (!answer) return;
    this.listNotice.set(message('setup.coalition.withdrawn', { name: invitation.name }));
    this.focus(answer.invitations.length > 0 ? '#invitations-heading' : '#coalition-heading');
  }

  /** After a refusal that shows the coalition is out of date: the campaign as it is now. */
  protected async reload(): Promise<void> {
    if (this.reloading()) return;
    this.reloading.set(true);
    try {
      const campaign = await firstValueFrom(this.api.get('/api/campaigns/{id}', { pathParams: { id: this.shown().id } }));
      this.listError.set(null);
      this.listNotice.set(message('setup.coalition.reloaded'));
      this.show(campaign);
      this.reloading.set(false);
      this.focus('#coalition-heading');
    } catch (error) {
      const failed = toApiError(error).statusCode === 404 ? message('setup.notFound') : feedbackFor(error, []).form;
      this.listError.set({ message: failed ?? message('form.error.unexpected'), stale: true });
      this.reloading.set(false);
    }
  }

  /**
   * Sends one change to the coalition (one at a time) and shows the campaign it answers; on a
   * refusal, says why — inside the confirmation that asked, or above the list, with "Reload" when
   * the coalition changed meanwhile. The campaign answered, or null when it failed.
   */
  private async act(send: () => Observable<Campaign | null>): Promise<Campaign | null> {
    if (this.busy()) return null;
    this.busy.set(true);
    this.listNotice.set(null);
    this.listError.set(null);
    this.confirmError.set(null);
    this.addNotice.set(null);
    try {
      const answer = await firstValueFrom(send());
      this.confirming.set(null);
      this.busy.set(false);
      if (!answer) {
        // 204: the person's own organization left the campaign, which they can no longer open.
        await this.router.navigate(['/campaigns']);
        return null;
      }
      this.show(answer);
      return answer;
    } catch (error) {
      const failed = feedbackFor(error, [], ACTION_CODES).form ?? message('form.error.unexpected');
      const stale = STALE_CODES.includes(toApiError(error).code);
      this.busy.set(false);
      if (this.confirming() && !stale) {
        this.confirmError.set(failed);
      } else {
        this.confirming.set(null);
        this.listError.set({ message: failed, stale });
        if (stale) this.focus('.list-error [data-action="reload"]');
      }
      return null;
    }
  }

  private show(campaign: Campaign): void {
    this.shown.set(campaign);
    this.changed.emit(campaign);
  }

  // Adding an organization

  protected setRoleChoice(role: CampaignRole): void {
    this.form.setValues({ role });
    this.form.edited('role');
  }

  protected optionId(index: number): string {
    return `coalition-organization-option-${index}`;
  }

  protected typed(event: Event): void {
    const query = (event.target as HTMLInputElement).value;
    this.query.set(query);
    this.addNotice.set(null);
    if (this.chosen()) {
      this.choose(null);
    }
    clearTimeout(this.timer);
    this.request?.unsubscribe();
    this.active.set(-1);
    this.open.set(false);
    if (query.trim() === '') {
      this.search.set({ kind: 'idle' });
      return;
    }
    this.search.set({ kind: 'searching' });
    this.timer = setTimeout(() => this.run(query.trim()), ORGANIZATION_SEARCH_DELAY_MS);
  }

  /** "Search again", after a failed search. */
  protected retry(): void {
    const search = this.search();
    if (search.kind !== 'error') return;
    this.search.set({ kind: 'searching' });
    this.run(search.query);
    this.focus('#coalition-organization');
  }

  protected reopen(): void {
    if (this.results().length > 0 && !this.chosen()) {
      this.open.set(true);
    }
  }

  protected key(event: KeyboardEvent): void {
    const results = this.results();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (results.length === 0) return;
        event.preventDefault();
        const by = event.key === 'ArrowDown' ? 1 : -1;
        this.active.set(nextActive(this.open() ? this.active() : -1, results.length, by));
        this.open.set(true);
        const id = this.activeId();
        if (id) this.host.querySelector(`#${id}`)?.scrollIntoView?.({ block: 'nearest' });
        return;
      }
      case 'Enter': {
        const organization = this.open() ? results[this.active()] : undefined;
        if (organization) {
          event.preventDefault();
          this.choose(organization);
        }
        return;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.open.set(false);
        }
        return;
    }
  }

  protected choose(organization: OrganizationName | null): void {
    this.chosen.set(organization);
    this.form.setValues({ organizationId: organization?.id ?? '' });
    this.form.edited('organizationId');
    if (organization) {
      this.query.set(organization.name);
      this.search.set({ kind: 'idle' });
      this.open.set(false);
    }
  }

  /** Brings the organization chosen in: added (an administrator) or invited (a coordinator). */
  protected async add(): Promise<void> {
    const organization = this.chosen();
    const role = this.role();
    this.listNotice.set(null);
    this.addNotice.set(null);
    let answer: Campaign | undefined;
    const ok = await this.form.submit(
      async () => {
        if (!organization) return;
        answer = await firstValueFrom(
          this.api.put(
            '/api/campaigns/{id}/organizations/{organizationId}',
            { role },
            { pathParams: { id: this.shown().id, organizationId: organization.id } },
          ),
        );
      },
      {
        not_found: { field: 'organizationId', message: message('setup.coalition.add.gone') },
        forbidden: message('setup.notAllowed'),
      },
    );
    if (!ok || !answer || !organization) return;
    const outcome = joinOutcome(answer, organization.id);
    this.addNotice.set(
      outcome
        ? message(`setup.coalition.${outcome.kind}.${outcome.role}`, { name: organization.name })
        : message('setup.coalition.updated'),
    );
    this.chosen.set(null);
    this.query.set('');
    this.search.set({ kind: 'idle' });
    this.form.setValues({ organizationId: '' });
    this.edits.saved();
    this.show(answer);
    // On to the next one.
    this.focus('#coalition-organization');
  }

  private run(query: string): void {
    this.request = this.api.get('/api/organizations/names', { params: { q: query, limit: RESULTS } }).subscribe({
      next: (page) => {
        this.search.set({ kind: 'ready', query, found: page.items });
        const count = this.results().length;
        this.active.set(count > 0 ? 0 : -1);
        this.open.set(count > 0);
      },
      error: () => {
        this.search.set({ kind: 'error', query });
        this.open.set(false);
      },
    });
  }

  private focus(selector: string, fallback?: string): void {
    focusAfterRender(this.injector, () =>
      (this.host.querySelector<HTMLElement>(selector) ?? (fallback ? this.host.querySelector<HTMLElement>(fallback) : null))?.focus(),
    );
  }
}
