import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { FailedDeliveriesPage, type FailedDelivery } from './failed-deliveries-page';

const CAMPAIGN = 'c0000000-0000-4000-8000-000000000001';

function aDelivery(overrides: Partial<FailedDelivery> = {}): FailedDelivery {
  return {
    id: 'r1',
    kind: 'reminder',
    recipient: { id: 'u1', name: 'Ana Pérez', email: 'ana@example.org' },
    subject: {
      type: 'follow_up',
      title: 'Call the rapporteur',
      notificationKind: null,
      link: `/campaigns/${CAMPAIGN}/follow-ups/f1`,
      campaign: { id: CAMPAIGN, title: 'Water for all' },
    },
    attempts: 1,
    lastError: '550 5.1.1 Mailbox unavailable',
    failedAt: '2026-11-01T15:00:00.000Z',
    ...overrides,
  };
}

const EMAIL = aDelivery({
  id: 'n1',
  kind: 'email',
  subject: { type: 'notification', title: 'A follow-up for you', notificationKind: 'assignment', link: null, campaign: null },
  attempts: 6,
  lastError: null,
});

describe('FailedDeliveriesPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'admin/failed-deliveries', component: FailedDeliveriesPage }]);
    await TestBed.inject(Session).start({ user: aUser({ role: 'admin' }), csrfToken: 'csrf-1' });
    harness = await RouterTestingHarness.create('/admin/failed-deliveries');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(tearDownPageSpec);

  const listRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/admin/failed-deliveries' && r.method === 'GET');
  const article = (id: string) => query<HTMLElement>(page, `article[data-delivery-id="${id}"]`);
  const retryRequest = (kind: string, id: string): TestRequest =>
    http.expectOne({ method: 'POST', url: `/api/admin/failed-deliveries/${kind}/${id}/retry` });

  async function loaded(items: FailedDelivery[] = [aDelivery(), EMAIL], nextCursor: string | null = null): Promise<void> {
    listRequest().flush({ items, nextCursor });
    await settle(harness.fixture);
  }

  it('shows each failed delivery: kind, what it was about and its campaign, recipient, when, attempts and last error', async () => {
    expect(text(page, '[role="status"]')).toBe('Loading the failed deliveries…');
    await loaded();
    const reminder = article('r1');
    expect(text(reminder, '.delivery__kind')).toBe('Reminder Follow-up · Water for all');
    expect(reminder.querySelector(`h2 a[href="/campaigns/${CAMPAIGN}/follow-ups/f1"]`)?.textContent?.trim()).toBe('Call the rapporteur');
    expect(reminder.querySelector(`.delivery__kind a[href="/campaigns/${CAMPAIGN}"]`)).not.toBeNull();
    const facts = (root: HTMLElement) => [...root.querySelectorAll('dt, dd')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    expect(facts(reminder)).toEqual([
      'To',
      'Ana Pérez <ana@example.org>',
      'Failed',
      'Nov 1, 2026, 12:00 PM GMT-3',
      'Attempts',
      '1',
      'Last error',
      '550 5.1.1 Mailbox unavailable',
    ]);
    expect(reminder.querySelector('button')?.getAttribute('aria-label')).toBe('Retry “Call the rapporteur” to Ana Pérez');

    const email = article('n1');
    expect(text(email, '.delivery__kind')).toBe('E-mail Assignment');
    expect(email.querySelector('h2 a')).toBeNull();
    expect(text(email, 'h2')).toBe('A follow-up for you');
    expect(facts(email).slice(-3)).toEqual(['6', 'Last error', 'None recorded']);
  });

  it('retries one, showing its progress and then that it is back in line', async () => {
    await loaded();
    button(article('r1'), 'Retry').click();
    await settle(harness.fixture);
    expect(text(article('r1'), 'button')).toBe('Retrying…');
    expect(article('r1').querySelector('button')?.getAttribute('aria-disabled')).toBe('true');
    retryRequest('reminder', 'r1').flush({ id: 'r1', kind: 'reminder', status: 'pending' });
    await settle(harness.fixture);
    expect(text(article('r1'), '[role="status"]')).toBe('Back in line: it will be sent within seconds.');
    expect(article('r1').querySelector('button')).toBeNull();
    expect(document.activeElement?.id).toBe('delivery-result-r1');
    // The other row is untouched.
    expect(text(article('n1'), 'button')).toBe('Retry');
  });

  it('says why a retry was refused, and lets the person try again', async () => {
    await loaded();
    button(article('n1'), 'Retry').click();
    await settle(harness.fixture);
    retryRequest('email', 'n1').flush(anError(409, 'not_failed'), { status: 409, statusText: 'Conflict' });
    await settle(harness.fixture);
    expect(text(article('n1'), '[role="alert"]')).toBe(
      'This one is no longer failed: it has been sent or retried already. Reload to see the list as it is now.',
    );
    expect(document.activeElement?.id).toBe('delivery-retry-n1');
    button(article('n1'), 'Retry').click();
    await settle(harness.fixture);
    retryRequest('email', 'n1').flush({ id: 'n1', kind: 'email', status: 'pending' });
    await settle(harness.fixture);
    expect(article('n1').querySelector('[role="alert"]')).toBeNull();
  });

  it('filters by kind, and loads more', async () => {
    await loaded([aDelivery()], 'next-1');
    fill(page, '#deliveries-kind', 'email');
    await settle(harness.fixture);
    const filtered = listRequest();
    expect(filtered.request.params.get('kind')).toBe('email');
    filtered.flush({ items: [EMAIL], nextCursor: 'next-2' });
    await settle(harness.fixture);
    button(page, 'Load more').click();
    await settle(harness.fixture);
    const more = listRequest();
    expect(more.request.params.get('cursor')).toBe('next-2');
    expect(more.request.params.get('kind')).toBe('email');
    more.flush({ items: [{ ...EMAIL, id: 'n2' }], nextCursor: null });
    await settle(harness.fixture);
    expect(page.querySelectorAll('article')).toHaveLength(2);
    expect(document.activeElement?.id).toBe('delivery-n2');
  });

  it('says when there are none, and when loading fails', async () => {
    await loaded([]);
    expect(text(page, 'p.panel')).toBe('No failed deliveries.');
    fill(page, '#deliveries-kind', 'reminder');
    await settle(harness.fixture);
    listRequest().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Error' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
  });
});
