import { EVENT_STREAM, type EventStream } from './notification-stream';
import type { AppNotification } from './unread-notifications';

/** A notification as the API describes it. */
export function aNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: '0b6f3a52-5d1e-4d8e-9a61-000000000001',
    kind: 'assignment',
    title: 'Call the mission',
    body: 'Assigned by Ana Pérez (Centro de Derechos)',
    link: '/campaigns/c1/follow-ups/f1',
    campaignId: 'c1',
    readAt: null,
    createdAt: '2026-11-28T12:00:00.000Z',
    ...overrides,
  };
}

/** An `EventSource` stand-in: `emit` dispatches an event as the server would. */
export class FakeEventStream implements EventStream {
  static opened: FakeEventStream[] = [];
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventStream.opened.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emit(type: string, data = ''): void {
    this.listeners.get(type)?.forEach((listener) => listener(new MessageEvent(type, { data })));
  }

  static latest(): FakeEventStream {
    const stream = FakeEventStream.opened.at(-1);
    if (!stream) {
      throw new Error('No stream was opened');
    }
    return stream;
  }
}

/** Makes `NotificationStream` open fakes: `TestBed.configureTestingModule({ providers: [FAKE_EVENT_STREAM] })`. */
export const FAKE_EVENT_STREAM = { provide: EVENT_STREAM, useValue: (url: string) => new FakeEventStream(url) };
