import { TestBed } from '@angular/core/testing';

import { Session } from '../core/session/session';
import { aUser } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { FAKE_EVENT_STREAM, FakeEventStream, aNotification } from './notification-fixtures';
import { NotificationStream } from './notification-stream';
import { UnreadNotifications } from './unread-notifications';

describe('UnreadNotifications and NotificationStream', () => {
  let http: HttpTestingController;
  let unread: UnreadNotifications;

  beforeEach(async () => {
    FakeEventStream.opened = [];
    TestBed.configureTestingModule({ providers: [FAKE_EVENT_STREAM] });
    http = await setUpPageSpec([]);
    unread = TestBed.inject(UnreadNotifications);
  });

  afterEach(tearDownPageSpec);

  async function signIn(): Promise<void> {
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    TestBed.tick();
    await vi.waitFor(() => expect(FakeEventStream.opened).toHaveLength(1));
  }

  it('does nothing while signed out', () => {
    TestBed.tick();
    expect(FakeEventStream.opened).toEqual([]);
    expect(unread.count()).toBeNull();
    http.expectNone('/api/notifications/unread-count');
  });

  it('after sign-in, reads the count, follows the stream, and counts each arrival', async () => {
    await signIn();
    const stream = FakeEventStream.latest();
    expect(stream.url).toBe('/api/notifications/stream');
    http.expectOne('/api/notifications/unread-count').flush({ unread: 3 });
    expect(unread.count()).toBe(3);

    const arrived: string[] = [];
    const stop = TestBed.inject(NotificationStream).onArrival((n) => arrived.push(n.title));
    stream.emit('notification', JSON.stringify(aNotification({ title: 'New one' })));
    expect(unread.count()).toBe(4);
    expect(unread.latest()?.title).toBe('New one');
    expect(arrived).toEqual(['New one']);

    stop();
    stream.emit('notification', JSON.stringify(aNotification({ id: 'other', title: 'Another' })));
    expect(unread.count()).toBe(5);
    expect(arrived).toEqual(['New one']);
  });

  it('reads the count again when the stream (re)connects', async () => {
    await signIn();
    http.expectOne('/api/notifications/unread-count').flush({ unread: 1 });
    FakeEventStream.latest().emit('open');
    http.expectOne('/api/notifications/unread-count').flush({ unread: 7 });
    expect(unread.count()).toBe(7);
  });

  it('closes the stream and forgets the count on sign-out', async () => {
    await signIn();
    http.expectOne('/api/notifications/unread-count').flush({ unread: 2 });
    TestBed.inject(Session).clear();
    TestBed.tick();
    await vi.waitFor(() => expect(FakeEventStream.latest().closed).toBe(true));
    expect(unread.count()).toBeNull();
  });
});
