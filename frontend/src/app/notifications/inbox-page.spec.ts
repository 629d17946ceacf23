import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { InboxPage } from './inbox-page';
import { FAKE_EVENT_STREAM, FakeEventStream, aNotification } from './notification-fixtures';
import { UnreadNotifications } from './unread-notifications';

describe('InboxPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    FakeEventStream.opened = [];
    TestBed.configureTestingModule({ providers: [FAKE_EVENT_STREAM] });
    http = await setUpPageSpec([{ path: 'notifications', component: InboxPage }]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    harness = await RouterTestingHarness.create('/notifications');
    page = harness.fixture.nativeElement as HTMLElement;
    await vi.waitFor(() => expect(FakeEventStream.opened).toHaveLength(1));
    http.expectOne('/api/notifications/unread-count').flush({ unread: 1 });
  });

  afterEach(tearDownPageSpec);

  const list = (): TestRequest => http.expectOne((r) => r.url === '/api/notifications' && r.method === 'GET');
  const items = () => [...page.querySelectorAll('[data-notification-id]')];

  it('shows a loading state, then each notification: kind, unread, time in the person’s zone, link, body', async () => {
    expect(text(page, '[role="status"]:not(.status)')).toBe('Loading notifications…');
    const request = list();
    expect(request.request.params.get('limit')).toBe('20');
    expect(request.request.params.has('unread')).toBe(false);
    request.flush({ items: [aNotification()], nextCursor: null });
    await settle(harness.fixture);

    const [item] = items();
    expect(text(item!, '.item__meta')).toBe('Assignment Unread Nov 28, 2026, 09:00 AM GMT-3');
    expect(item!.querySelector('h2 a')?.getAttribute('href')).toBe('/campaigns/c1/follow-ups/f1');
    expect(text(item!, '.item__body')).toBe('Assigned by Ana Pérez (Centro de Derechos)');
    expect(item!.querySelector('button')?.getAttribute('aria-label')).toBe('Mark read: Call the mission');
  });

  it('says so when there are none, and reports an error with a retry', async () => {
    list().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Internal Server Error' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toContain('internal_error');
    button(page, 'Try again').click();
    list().flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, '.panel')).toBe('No notifications yet.');
  });

  it('filters unread ones and loads more with the cursor', async () => {
    list().flush({ items: [aNotification()], nextCursor: null });
    await settle(harness.fixture);
    button(page, 'Unread only').click();
    const unread = list();
    expect(unread.request.params.get('unread')).toBe('true');
    unread.flush({ items: [aNotification()], nextCursor: 'next-1' });
    await settle(harness.fixture);
    expect(button(page, 'Unread only').getAttribute('aria-pressed')).toBe('true');

    button(page, 'Load more').click();
    const more = list();
    expect(more.request.params.get('cursor')).toBe('next-1');
    expect(more.request.params.get('unread')).toBe('true');
    more.flush({ items: [aNotification({ id: 'n2', title: 'Second' })], nextCursor: null });
    await settle(harness.fixture);
    expect(items().map((i) => text(i, 'h2'))).toEqual(['Call the mission', 'Second']);
    expect(page.querySelector('button')?.textContent).not.toContain('Load more');
  });

  it('marks one read, then refreshes the bell', async () => {
    list().flush({ items: [aNotification()], nextCursor: null });
    await settle(harness.fixture);
    button(page, 'Mark read').click();
    const read = http.expectOne('/api/notifications/0b6f3a52-5d1e-4d8e-9a61-000000000001/read');
    expect(read.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    read.flush(aNotification({ readAt: '2026-11-28T12:05:00.000Z' }));
    await settle(harness.fixture);
    http.expectOne('/api/notifications/unread-count').flush({ unread: 0 });
    expect(TestBed.inject(UnreadNotifications).count()).toBe(0);
    expect(text(items()[0]!, '.item__meta')).not.toContain('Unread');
    expect(items()[0]!.querySelector('button')).toBeNull();
  });

  it('marks one read when it is opened', async () => {
    list().flush({ items: [aNotification({ link: '/notifications' })], nextCursor: null });
    await settle(harness.fixture);
    (page.querySelector('h2 a') as HTMLAnchorElement).click();
    http
      .expectOne('/api/notifications/0b6f3a52-5d1e-4d8e-9a61-000000000001/read')
      .flush(aNotification({ readAt: '2026-11-28T12:05:00.000Z' }));
    await settle(harness.fixture);
    http.expectOne('/api/notifications/unread-count').flush({ unread: 0 });
  });

  it('marks all read', async () => {
    list().flush({ items: [aNotification(), aNotification({ id: 'n2' })], nextCursor: null });
    await settle(harness.fixture);
    button(page, 'Mark all read').click();
    http.expectOne('/api/notifications/read-all').flush({ unread: 0 });
    await settle(harness.fixture);
    expect(text(page, '.status')).toBe('All notifications are marked read.');
    expect(page.querySelectorAll('.item--unread')).toHaveLength(0);
    expect(TestBed.inject(UnreadNotifications).count()).toBe(0);
  });

  it('prepends notifications arriving live', async () => {
    list().flush({ items: [aNotification()], nextCursor: null });
    await settle(harness.fixture);
    FakeEventStream.latest().emit('notification', JSON.stringify(aNotification({ id: 'live', kind: 'reminder', title: 'Due tomorrow' })));
    await settle(harness.fixture);
    expect(items().map((i) => text(i, 'h2'))).toEqual(['Due tomorrow', 'Call the mission']);
    expect(text(items()[0]!, '.tag')).toBe('Reminder');
  });
});
