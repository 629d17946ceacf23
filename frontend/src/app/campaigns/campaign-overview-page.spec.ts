import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { I18n } from '../core/i18n/i18n';
import { Session } from '../core/session/session';
import { button, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { CAMPAIGN_ID, UNSG_INSTITUTION, aCampaign, aDashboard } from './campaign-fixtures';
import { CampaignOverviewPage } from './campaign-overview-page';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('CampaignOverviewPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'campaigns/:campaignId', component: CampaignOverviewPage }]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' }); // Buenos Aires
    await loading;
    harness = await RouterTestingHarness.create(`/campaigns/${CAMPAIGN_ID}`);
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(tearDownPageSpec);

  async function answer(campaign = aCampaign(), dashboard = aDashboard()): Promise<void> {
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}`).flush(campaign);
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}/dashboard`).flush(dashboard);
    await settle(harness.fixture);
  }

  it('loads the campaign and its dashboard, and heads the page like the letter', async () => {
    expect(text(page, '[role="status"]')).toBe('Loading the campaign…');
    await answer();
    expect(text(page, 'h1')).toBe('Stop the transfers to CECOT');
    expect(text(page, '.head')).toContain(
      'Letter of Apr 29, 2025. Signed by: Center for Constitutional Rights (lead), Movement Law Lab (lead).',
    );
    expect(text(page, '.head')).toContain('Times are shown in your time zone, America/Argentina/Buenos_Aires.');
    const log = [...page.querySelectorAll<HTMLAnchorElement>('.head__actions a')].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(log).toEqual([
      ['Log a response', `/campaigns/${CAMPAIGN_ID}/responses/new`],
      ['Follow-ups', `/campaigns/${CAMPAIGN_ID}/follow-ups`],
      ['Calendar', `/campaigns/${CAMPAIGN_ID}/calendar`],
      ['Full timeline', `/campaigns/${CAMPAIGN_ID}/timeline`],
    ]);
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'At a glance',
      'Scorecard',
      'Milestones',
      'Overdue',
      'Next 14 days',
      'Response rate by institution',
      'Latest changes',
    ]);
  });

  it('shows the scorecard as a table: offices as row groups, demands in letter order with status, deadline, response', async () => {
    await answer();
    const table = page.querySelector('dm-scorecard table')!;
    expect(clean(table.querySelector('caption')?.textContent)).toContain('Each addressee and the demands the letter makes of it');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col']);

    const groups = [...table.querySelectorAll('tbody')];
    expect(groups.map((g) => clean(g.querySelector('th[scope="rowgroup"] .office__title')?.textContent))).toEqual([
      'Secretary-General of the United Nations',
      'President of the United Nations Security Council',
    ]);
    expect(text(groups[0]!, '.office__meta')).toBe('United Nations Secretariat · Held by António Guterres');
    expect(text(groups[1]!, '.office__meta')).toBe('United Nations Security Council · Officeholder not recorded');
    const logFor = groups[0]!.querySelector<HTMLAnchorElement>('.office__log')!;
    expect(logFor.textContent?.trim()).toBe('Log a response from United Nations Secretariat');
    expect(logFor.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}/responses/new?institutionId=${UNSG_INSTITUTION}`);

    const rows = [...table.querySelectorAll('tr.demand')].map((tr) => [...tr.children].map((c) => clean(c.textContent)));
    expect(rows).toEqual([
      [
        'publicly addressing the alarming international legal and human rights violations',
        'Sent days since sent: 12',
        'No deadline',
        'None yet',
      ],
      [
        'the facilitation of a country visit to El Salvador',
        'Acknowledged days since sent: 12',
        'No deadline',
        'May 2, 2025, non-committal',
      ],
      [
        'urgently call an emergency meeting',
        'No response Overdue days since sent: 12',
        'May 1, 2025, 12:59 AM GMT-3 follows: End of the April 2025 Security Council presidency',
        'None yet',
      ],
    ]);
    const firstLink = table.querySelector('tr.demand th[scope="row"] a')!;
    expect(firstLink.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}/demands/d0000000-0000-4000-8000-000000000001`);
  });

  it('fills the panels: at a glance (counts by status), overdue, next 14 days, response rates, milestones, latest changes', async () => {
    await answer();
    expect(text(page, '[data-panel="overdue"]')).toContain('Demands past their deadline without an answer: 1');
    expect(text(page, '[data-panel="overdue"]')).toContain('Security Council: urgently call an emergency meeting');
    expect(text(page, '[data-panel="overdue"]')).toContain('Overdue follow-ups of Center for Constitutional Rights: 2');
    expect(text(page, '[data-panel="upcoming"]')).toContain(
      'Follow-up Call the Geneva mission May 15, 2025, 06:00 PM GMT-3 · assigned to Movement Law Lab',
    );
    expect([...page.querySelectorAll('[data-panel="counts"] li')].map((li) => clean(li.textContent))).toEqual([
      'Sent 1',
      'Acknowledged 1',
      'No response 1',
    ]);
    // At a glance: the total, and what needs attention (1 overdue demand + 2 overdue follow-ups).
    expect(text(page, '.glance__total')).toBe('Demands in all: 3');
    expect(text(page, '.glance__attention')).toBe('Overdue: 3 · Due in the next 14 days: 1');
    expect([...page.querySelectorAll('[data-panel="rates"] tbody tr > *')].map((cell) => clean(cell.textContent))).toEqual([
      'United Nations Secretariat',
      '2',
      '1',
      '50%',
    ]);
    expect([...page.querySelectorAll('.strip__item')].map((li) => clean(li.textContent))).toEqual([
      'Deadline · past Apr 30, 2025 (America/New_York) End of the April 2025 Security Council presidency Demands due: 1',
      'Deadline Jun 16, 2025 (Europe/Zurich) Human Rights Council 59th regular session opens Demands due: 4',
    ]);
    const entry = page.querySelector('dm-timeline-list li')!;
    expect([...entry.querySelectorAll('p')].map((p) => clean(p.textContent)).join(' ')).toBe(
      'Demand status changed — Secretary-General of the United Nations: the facilitation of a country visit to El Salvador ' +
        'Status: Sent to Acknowledged Note: “Receipt confirmed by e-mail” Ana Pérez · Apr 29, 2025, 01:00 PM GMT-3',
    );
  });

  it('offers no "Log a response" to someone who may not contribute', async () => {
    await answer(aCampaign({ access: { organizationRole: null, canCoordinate: false, canContribute: false } }));
    expect(text(page, '.head__actions')).not.toContain('Log a response');
    expect(text(page, '.head__actions')).toContain('Full timeline');
    expect(page.querySelector('.office__log')).toBeNull();
  });

  it('names the organizations invited and yet to answer, marked "invited"', async () => {
    await answer(
      aCampaign({
        invitations: [
          { organizationId: 'o9', name: 'Cristosal', role: 'signatory', status: 'invited', invitedAt: '2026-11-28T12:00:00.000Z' },
          { organizationId: 'o8', name: 'Amnesty', role: 'lead', status: 'invited', invitedAt: '2026-11-28T12:00:00.000Z' },
        ],
      }),
    );
    expect(text(page, '[data-invitations]')).toBe('Invited, awaiting an answer: Cristosal (signatory) invited, Amnesty (lead) invited');
    expect([...page.querySelectorAll('[data-invitations] .chip')].map((c) => c.textContent?.trim())).toEqual(['invited', 'invited']);
    expect(text(page, '.head')).toContain('Signed by: Center for Constitutional Rights (lead), Movement Law Lab (lead).');
  });

  it('says when nothing is overdue or due soon', async () => {
    await answer(aCampaign(), aDashboard({ overdueDemands: 0, overdueFollowUps: [], next14Days: [] }));
    expect(text(page, '[data-panel="overdue"] p')).toBe('Nothing is overdue.');
    expect(text(page, '[data-panel="upcoming"] p')).toBe('Nothing falls due in the next 14 days.');
  });

  it('reports a campaign it cannot see, and tries again', async () => {
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}`).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    http.expectOne(`/api/campaigns/${CAMPAIGN_ID}/dashboard`);
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('There is no such campaign, or it is not shared with your organization.');

    button(page, 'Try again').click();
    await settle(harness.fixture);
    await answer();
    expect(text(page, 'h1')).toBe('Stop the transfers to CECOT');
  });

  it('translates the scorecard when the language changes', async () => {
    await answer();
    await TestBed.inject(I18n).setLocale('es');
    await settle(harness.fixture);
    expect([...page.querySelectorAll('dm-scorecard thead th')].map((th) => clean(th.textContent))).toEqual([
      'Demanda',
      'Estado',
      'Plazo',
      'Última respuesta',
    ]);
    expect([...page.querySelectorAll('tr.demand dm-status-chip')].map((c) => clean(c.textContent))).toEqual([
      'Enviada',
      'Acuse de recibo',
      'Sin respuesta',
    ]);
    expect(text(page, '.head__actions a')).toBe('Registrar una respuesta');
  });
});
