import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session, type Me } from '../core/session/session';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, SentRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { CoalitionStep, ORGANIZATION_SEARCH_DELAY_MS } from './coalition-step';
import type { Campaign } from './setup-data';
import {
  AMNESTY_ID,
  CELS_ID,
  DRAFT_ID,
  OWN_ORGANIZATION_ID,
  aCoalitionMember,
  aDraft,
  anInvitedOrganization,
} from './testing/setup-fixtures';

@Component({ selector: 'dm-stub-page', template: '<h1>Elsewhere</h1>' })
class StubPage {}

/** The step as the set-up page holds it: the campaign it emits is the one it is given next. */
@Component({
  imports: [CoalitionStep],
  template: `<dm-coalition-step [campaign]="campaign()" (changed)="changed($event)" />`,
})
class Host {
  readonly campaign = signal<Campaign>(aDraft());
  readonly emitted: Campaign[] = [];
  changed(campaign: Campaign): void {
    this.emitted.push(campaign);
    this.campaign.set(campaign);
  }
}

const OWN = aDraft().organizations[0]!;
const AMNESTY = aCoalitionMember();
const CRISTOSAL = { id: '0a000000-0000-4000-8000-000000000003', name: 'Cristosal' };
const ORGANIZATION_PATH = (id: string) => `/api/campaigns/${DRAFT_ID}/organizations/${id}`;
const isSearch = (request: SentRequest) => request.method === 'GET' && request.url === '/api/organizations/names';

describe('the coalition step', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'admin/organizations', component: StubPage }]);
  });

  afterEach(tearDownPageSpec);

  async function render(campaign: Campaign, user: Partial<Me> = {}): Promise<{ fixture: ComponentFixture<Host>; root: HTMLElement }> {
    await TestBed.inject(Session).start({ user: aUser({ role: 'coordinator', ...user }), csrfToken: 'csrf-1' });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.campaign.set(campaign);
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  const rows = (root: HTMLElement, section: string) =>
    [...root.querySelectorAll(`section[aria-labelledby="${section}"] .member`)].map(
      (li) => text(li, '.member__name') + ' · ' + text(li, '.member__role'),
    );
  const buttons = (element: Element) => [...element.querySelectorAll('button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
  const row = (root: HTMLElement, id: string) => query(root, `[data-organization-id="${id}"]`);
  const focused = () => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim();

  /** Types into the search and answers it with `found`. */
  async function searchFor(fixture: ComponentFixture<Host>, root: HTMLElement, typed: string, found: { id: string; name: string }[]) {
    fill(root, '#coalition-organization', typed);
    await new Promise((resolve) => setTimeout(resolve, ORGANIZATION_SEARCH_DELAY_MS + 20));
    const search = http.expectOne(isSearch);
    expect(search.request.params.get('q')).toBe(typed);
    expect(search.request.params.get('limit')).toBe('10');
    search.flush({ items: found, nextCursor: null });
    await settle(fixture);
  }

  function press(root: HTMLElement, key: string): void {
    query(root, '#coalition-organization').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }

  it('lists the coalition with each role, the person’s own organization marked, and the invitations apart', async () => {
    const { root } = await render(aDraft({ organizations: [OWN, AMNESTY], invitations: [anInvitedOrganization()] }));
    expect(text(root, '.intro')).toContain('Lead organizations coordinate the campaign');
    expect(rows(root, 'coalition-heading')).toEqual([
      'Centro de Derechos Your organization · Lead organization',
      'Amnesty International · Signatory',
    ]);
    expect(rows(root, 'invitations-heading')).toEqual([
      'Centro de Estudios Legales y Sociales · Invited as a signatory — joins when its coordinators accept',
    ]);
    // The only lead: why, rather than buttons that would fail.
    expect(buttons(row(root, OWN_ORGANIZATION_ID))).toEqual([]);
    expect(text(row(root, OWN_ORGANIZATION_ID), '.member__note')).toBe(
      'The campaign’s only lead organization: a campaign needs one. To change its role or remove it, first add another lead organization.',
    );
    expect(buttons(row(root, AMNESTY_ID))).toEqual(['Make lead (Amnesty International)', 'Remove Amnesty International']);
    expect(buttons(row(root, CELS_ID))).toEqual(['Withdraw the invitation to Centro de Estudios Legales y Sociales']);
    // Nothing to load: the campaign holds its coalition.
    http.expectNone(() => true);
  });

  it('lets a coordinator invite an organization found by name with the keyboard, and says it joins once its coordinators accept', async () => {
    const { fixture, root } = await render(aDraft());
    expect(text(root, '#coalition-add-heading')).toBe('Invite an organization');
    expect(text(root, '#coalition-join-hint')).toBe(
      'Organizations are invited, not added: Demarche tells their coordinators, and the organization joins once they accept. Until then, you see only its name.',
    );
    expect(query(root, 'button[type="submit"]').getAttribute('aria-describedby')).toBe('coalition-join-hint');

    // Its own organization, already in the coalition, is not offered again.
    await searchFor(fixture, root, 'centro', [{ id: OWN_ORGANIZATION_ID, name: 'Centro de Derechos' }, CRISTOSAL]);
    const combobox = query<HTMLInputElement>(root, '#coalition-organization');
    expect([...root.querySelectorAll('[role="option"]')].map((option) => option.textContent?.trim())).toEqual(['Cristosal']);
    expect(text(root, '.picker__status')).toBe('One organization found.');
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    press(root, 'ArrowDown');
    await settle(fixture);
    expect(combobox.getAttribute('aria-activedescendant')).toBe('coalition-organization-option-0');
    press(root, 'Enter');
    await settle(fixture);
    expect(combobox.value).toBe('Cristosal');
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    expect(text(root, '.picker__chosen')).toBe('Chosen: Cristosal');

    button(root, 'Send the invitation').click();
    const put = http.expectOne({ method: 'PUT', url: ORGANIZATION_PATH(CRISTOSAL.id) });
    expect(put.request.body).toEqual({ role: 'signatory' });
    const answer = aDraft({
      invitations: [anInvitedOrganization({ organizationId: CRISTOSAL.id, name: 'Cristosal' })],
    });
    put.flush(answer, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    expect(text(root, '.add [role="status"]')).toBe('Invited: Cristosal joins as a signatory once its coordinators accept.');
    expect(rows(root, 'invitations-heading')).toEqual(['Cristosal · Invited as a signatory — joins when its coordinators accept']);
    expect(fixture.componentInstance.emitted).toEqual([answer]);
    // Ready for the next one.
    expect(combobox.value).toBe('');
    expect(document.activeElement?.id).toBe('coalition-organization');
  });

  it('lets an administrator add an organization directly, as a lead', async () => {
    const { fixture, root } = await render(aDraft(), { role: 'admin' });
    expect(text(root, '#coalition-add-heading')).toBe('Add an organization');
    expect(text(root, '#coalition-join-hint')).toBe(
      'As an administrator, you add the organization directly: it is part of the coalition at once.',
    );
    await searchFor(fixture, root, 'amnesty', [{ id: AMNESTY_ID, name: 'Amnesty International' }]);
    click(root, '#coalition-organization-option-0');
    click(root, '#coalition-role-lead');
    await settle(fixture);
    button(root, 'Add to the coalition').click();
    const put = http.expectOne({ method: 'PUT', url: ORGANIZATION_PATH(AMNESTY_ID) });
    expect(put.request.body).toEqual({ role: 'lead' });
    put.flush(aDraft({ organizations: [OWN, { ...AMNESTY, role: 'lead' }] }));
    await settle(fixture);
    expect(text(root, '.add [role="status"]')).toBe('Added as a lead organization: Amnesty International is now part of the coalition.');
    expect(rows(root, 'coalition-heading')).toEqual([
      'Centro de Derechos Your organization · Lead organization',
      'Amnesty International · Lead organization',
    ]);
    // Two leads now: either may change role or go.
    expect(buttons(row(root, AMNESTY_ID))).toEqual(['Make signatory (Amnesty International)', 'Remove Amnesty International']);
  });

  it('asks for an organization chosen from the list before sending anything', async () => {
    const { fixture, root } = await render(aDraft());
    fill(root, '#coalition-organization', 'Amnesty International');
    button(root, 'Send the invitation').click();
    await settle(fixture);
    expect(text(root, '#coalition-organizationId-error')).toBe('Choose an organization from the list.');
    const combobox = query(root, '#coalition-organization');
    expect(combobox.getAttribute('aria-invalid')).toBe('true');
    expect(combobox.getAttribute('aria-describedby')).toBe('coalition-organization-hint coalition-organizationId-error');
    expect(document.activeElement?.id).toBe('coalition-organization');
    http.expectNone({ method: 'PUT' });
    // The search typed meanwhile still runs.
    await new Promise((resolve) => setTimeout(resolve, ORGANIZATION_SEARCH_DELAY_MS + 20));
    http.expectOne(isSearch).flush({ items: [], nextCursor: null });
  });

  it('says an organization not in Demarche is added by an administrator, and when every match is already in', async () => {
    const { fixture, root } = await render(aDraft({ organizations: [OWN, AMNESTY] }));
    await searchFor(fixture, root, 'cels', []);
    expect(text(root, '.picker__status')).toBe('No organization in Demarche matches “cels”.');
    expect(text(root, '.picker__more')).toBe(
      'An administrator adds new organizations to Demarche: ask yours to add it, then come back to invite it.',
    );
    expect(query(root, '#coalition-organization').getAttribute('aria-expanded')).toBe('false');

    await searchFor(fixture, root, 'amnesty', [{ id: AMNESTY_ID, name: 'Amnesty International' }]);
    expect(text(root, '.picker__status')).toBe('Every organization matching “amnesty” is already in the coalition or invited.');
    expect(root.querySelector('.picker__more')).toBeNull();
    expect(root.querySelectorAll('[role="option"]')).toHaveLength(0);
  });

  it('shows an administrator where to add an organization new to Demarche', async () => {
    const { fixture, root } = await render(aDraft(), { role: 'admin' });
    await searchFor(fixture, root, 'cels', []);
    expect(text(root, '.picker__more')).toBe(
      'An organization new to Demarche is added first in the administration, then brought in here. Go to the organizations',
    );
    expect(query(root, '.picker__more a').getAttribute('href')).toBe('/admin/organizations');
  });

  it('says when the search failed, and searches again on request', async () => {
    const { fixture, root } = await render(aDraft());
    fill(root, '#coalition-organization', 'cristo');
    await new Promise((resolve) => setTimeout(resolve, ORGANIZATION_SEARCH_DELAY_MS + 20));
    http.expectOne(isSearch).flush(anError(500, 'internal'), { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(text(root, '.picker__status')).toBe('The organizations could not be searched. Check your connection and try again.');
    button(root, 'Search again').click();
    await settle(fixture);
    expect(text(root, '.picker__status')).toBe('Searching the organizations…');
    const again = http.expectOne(isSearch);
    expect(again.request.params.get('q')).toBe('cristo');
    again.flush({ items: [CRISTOSAL], nextCursor: null });
    await settle(fixture);
    expect(text(root, '.picker__status')).toBe('One organization found.');
    expect(document.activeElement?.id).toBe('coalition-organization');
  });

  it('says so at the field when the organization chosen is no longer in Demarche', async () => {
    const { fixture, root } = await render(aDraft());
    await searchFor(fixture, root, 'cristo', [CRISTOSAL]);
    click(root, '#coalition-organization-option-0');
    await settle(fixture);
    button(root, 'Send the invitation').click();
    http.expectOne({ method: 'PUT', url: ORGANIZATION_PATH(CRISTOSAL.id) }).flush(anError(404, 'not_found'), {
      status: 404,
      statusText: 'Not Found',
    });
    await settle(fixture);
    expect(text(root, '#coalition-organizationId-error')).toBe(
      'This organization is no longer in Demarche (it may have been disabled). Search for another.',
    );
    expect(fixture.componentInstance.emitted).toEqual([]);
  });

  it('changes an organization’s role and keeps the focus on it', async () => {
    const { fixture, root } = await render(aDraft({ organizations: [OWN, { ...AMNESTY, role: 'lead' }] }));
    button(root, 'Make signatory (Amnesty International)').click();
    const put = http.expectOne({ method: 'PUT', url: ORGANIZATION_PATH(AMNESTY_ID) });
    expect(put.request.body).toEqual({ role: 'signatory' });
    put.flush(aDraft({ organizations: [OWN, AMNESTY] }));
    await settle(fixture);
    expect(text(root, 'section[aria-labelledby="coalition-heading"] [role="status"]')).toBe('Amnesty International is now a signatory.');
    expect(rows(root, 'coalition-heading')[1]).toBe('Amnesty International · Signatory');
    expect(focused()).toBe('Make lead (Amnesty International)');
    expect(fixture.componentInstance.emitted).toHaveLength(1);
  });

  it('asks before a coordinator makes their own organization a signatory, and never offers to remove it', async () => {
    const { fixture, root } = await render(aDraft({ organizations: [OWN, { ...AMNESTY, role: 'lead' }] }));
    expect(buttons(row(root, OWN_ORGANIZATION_ID))).toEqual(['Make signatory (Centro de Derechos)']);
    expect(text(row(root, OWN_ORGANIZATION_ID), '.member__note')).toContain('To take your own organization out of the campaign');

    button(root, 'Make signatory (Centro de Derechos)').click();
    await settle(fixture);
    http.expectNone({ method: 'PUT' });
    expect(text(root, '.confirm__question')).toBe(
      'Make Centro de Derechos, your organization, a signatory? Its coordinators, you included, will no longer be able to set up or coordinate this campaign.',
    );
    button(root, 'Cancel').click();
    await settle(fixture);
    expect(focused()).toBe('Make signatory (Centro de Derechos)');

    button(root, 'Make signatory (Centro de Derechos)').click();
    await settle(fixture);
    button(root, 'Yes, make it a signatory').click();
    const put = http.expectOne({ method: 'PUT', url: ORGANIZATION_PATH(OWN_ORGANIZATION_ID) });
    expect(put.request.body).toEqual({ role: 'signatory' });
    put.flush(
      aDraft({
        organizations: [
          { ...AMNESTY, role: 'lead' },
          { ...OWN, role: 'signatory' },
        ],
      }),
    );
    await settle(fixture);
    expect(fixture.componentInstance.emitted).toHaveLength(1);
  });

  it('removes an organization after a confirmation', async () => {
    const { fixture, root } = await render(aDraft({ organizations: [OWN, AMNESTY] }));
    button(root, 'Remove Amnesty International').click();
    await settle(fixture);
    expect(text(root, '.confirm__question')).toBe('Remove Amnesty International from the coalition?');
    http.expectNone({ method: 'DELETE' });
    button(root, 'Yes, remove').click();
    http.expectOne({ method: 'DELETE', url: ORGANIZATION_PATH(AMNESTY_ID) }).flush(aDraft());
    await settle(fixture);
    expect(rows(root, 'coalition-heading')).toEqual(['Centro de Derechos Your organization · Lead organization']);
    expect(text(root, '[role="status"]')).toBe('Amnesty International has been removed from the coalition.');
    expect(document.activeElement?.id).toBe('coalition-heading');
  });

  it('shows a failed removal in the confirmation, to try again', async () => {
    const { fixture, root } = await render(aDraft({ organizations: [OWN, AMNESTY] }));
    button(root, 'Remove Amnesty International').click();
    await settle(fixture);
    button(root, 'Yes, remove').click();
    http.expectOne({ method: 'DELETE', url: ORGANIZATION_PATH(AMNESTY_ID) }).flush(anError(500, 'internal'), {
      status: 500,
      statusText: 'Server Error',
    });
    await settle(fixture);
    expect(text(root, '.confirm [role="alert"]')).toContain('Something went wrong');
    expect(button(root, 'Yes, remove')).toBeTruthy();
    expect(fixture.componentInstance.emitted).toEqual([]);
  });

  it('says in words when the API refuses to leave the campaign without a lead, and reloads the coalition', async () => {
    const { fixture, root } = await render(aDraft({ organizations: [OWN, { ...AMNESTY, role: 'lead' }] }), { role: 'admin' });
    button(root, 'Remove Centro de Derechos').click();
    await settle(fixture);
    button(root, 'Yes, remove').click();
    http.expectOne({ method: 'DELETE', url: ORGANIZATION_PATH(OWN_ORGANIZATION_ID) }).flush(anError(409, 'last_lead'), {
      status: 409,
      statusText: 'Conflict',
    });
    await settle(fixture);
    expect(text(root, '[role="alert"]')).toBe(
      'A campaign needs at least one lead organization, and this one is now its only lead: someone else changed the coalition meanwhile. Reload it to see where it stands.',
    );
    expect(root.querySelector('.confirm')).toBeNull();
    expect(focused()).toBe('Reload the coalition');

    button(root, 'Reload the coalition').click();
    const reload = http.expectOne({ method: 'GET', url: `/api/campaigns/${DRAFT_ID}` });
    const now = aDraft({ organizations: [OWN, AMNESTY] });
    reload.flush(now);
    await settle(fixture);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(text(root, '[role="status"]')).toBe('The coalition has been reloaded.');
    expect(buttons(row(root, OWN_ORGANIZATION_ID))).toEqual([]);
    expect(fixture.componentInstance.emitted).toEqual([now]);
  });

  it('withdraws an invitation after a confirmation', async () => {
    const { fixture, root } = await render(aDraft({ invitations: [anInvitedOrganization()] }));
    button(root, 'Withdraw the invitation to Centro de Estudios Legales y Sociales').click();
    await settle(fixture);
    expect(text(root, '.confirm__question')).toBe('Withdraw the invitation to Centro de Estudios Legales y Sociales?');
    button(root, 'Yes, withdraw').click();
    http.expectOne({ method: 'DELETE', url: ORGANIZATION_PATH(CELS_ID) }).flush(aDraft());
    await settle(fixture);
    expect(root.querySelector('#invitations-heading')).toBeNull();
    expect(text(root, '[role="status"]')).toBe('The invitation to Centro de Estudios Legales y Sociales has been withdrawn.');
    expect(document.activeElement?.id).toBe('coalition-heading');
  });
});
