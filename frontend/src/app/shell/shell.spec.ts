import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { routes } from '../app.routes';
import { provideApiInterceptors } from '../core/api/http-transport';
import { I18n, LOCALE_STORAGE_KEY } from '../core/i18n/i18n';
import { Session } from '../core/session/session';
import { sessionInterceptor } from '../core/session/session-interceptor';
import { button } from '../testing/dom';
import { aUser } from '../testing/fixtures';
import { FAKE_EVENT_STREAM, FakeEventStream, aNotification } from '../notifications/notification-fixtures';
import { HttpTestingController, provideHttpTesting } from '../testing/http-testing';
import { Shell } from './shell';

describe('Shell', () => {
  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
    TestBed.configureTestingModule({
      providers: [provideRouter(routes), provideApiInterceptors(sessionInterceptor), provideHttpTesting(), FAKE_EVENT_STREAM],
    });
    await TestBed.inject(I18n).init(); // what the app initializer does
  });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('renders the skip link first, the product name, the navigation and a labelled main', async () => {
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const firstFocusable = element.querySelector('a, button, select, [tabindex]:not([tabindex="-1"])');
    expect(firstFocusable?.textContent?.trim()).toBe('Skip to main content');
    expect(element.querySelector('.brand__name')?.textContent).toBe('Demarche');
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Main');
    expect(element.querySelector('nav a')?.textContent?.trim()).toBe('Overview');
    expect(element.querySelector('main')?.id).toBe('main');
    expect(element.querySelector('label[for="language-select"]')?.textContent).toBe('Language');
  });

  it('moves focus to main from the skip link without navigating', async () => {
    const fixture = TestBed.createComponent(Shell);
    document.body.appendChild(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    element.querySelector('.skip-link')?.dispatchEvent(event);

    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('main');
    (fixture.nativeElement as HTMLElement).remove();
  });

  it('switches the language from the selector', async () => {
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const select = element.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['English', 'Español']);
    expect(select.value).toBe('en');

    select.value = 'es';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('es'));
    await fixture.whenStable();

    expect(element.querySelector('.skip-link')?.textContent).toBe('Saltar al contenido principal');
    expect(element.querySelector('nav a')?.textContent?.trim()).toBe('Resumen');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('es');
  });

  it('shows the not-found page for an unknown URL, with a link home', async () => {
    const harness = await RouterTestingHarness.create('/no-such-page');
    const element = harness.routeNativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Page not found');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/');
  });

  it('shows the home page at /', async () => {
    const harness = await RouterTestingHarness.create('/');
    const element = harness.routeNativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Welcome to Demarche');
    expect(element.querySelector('h2')?.textContent).toBe('Service status');
    TestBed.inject(HttpTestingController).expectOne('/api/health').flush(null);
  });

  it('offers "Sign in" when signed out', async () => {
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const header = (fixture.nativeElement as HTMLElement).querySelector('header') as HTMLElement;
    expect(header.querySelector('a[href="/sign-in"]')?.textContent?.trim()).toBe('Sign in');
    expect(header.querySelector('a[href="/profile"]')).toBeNull();
  });

  it('shows who is signed in, linking to the profile, and signs out', async () => {
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(Session);
    const loading = session.load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const header = (fixture.nativeElement as HTMLElement).querySelector('header') as HTMLElement;

    const profile = header.querySelector('a[href="/profile"]');
    expect(profile?.textContent?.trim()).toBe('Your profile: Ana Pérez, Centro de Derechos');
    expect(header.querySelector('a[href="/sign-in"]')).toBeNull();

    button(header, 'Sign out').click();
    const logout = http.expectOne('/api/auth/logout');
    expect(logout.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/sign-in'));
    await fixture.whenStable();
    expect(header.querySelector('a[href="/sign-in"]')?.textContent?.trim()).toBe('Sign in');
    expect(session.signedIn()).toBe(false);
    // The bell's count, asked at sign-in, was dropped before the session ended: no 401 to meet.
    const counts = http.match((r) => r.url.endsWith('/unread-count'));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((r) => r.cancelled)).toBe(true);
    http
      .match(() => true)
      .filter((r) => !r.cancelled)
      .forEach((r) => r.flush(null)); // the pages' requests
  });

  it('links the admin pages for administrators and coordinators only', async () => {
    FakeEventStream.opened = [];
    const session = TestBed.inject(Session);
    const fixture = TestBed.createComponent(Shell);
    const links = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('nav a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    for (const role of ['admin', 'coordinator'] as const) {
      await session.start({ user: aUser({ role }), csrfToken: 'csrf-1' });
      await fixture.whenStable();
      expect(links()).toContainEqual(['Admin', '/admin']);
    }
    for (const role of ['member', 'observer'] as const) {
      await session.start({ user: aUser({ role }), csrfToken: 'csrf-1' });
      await fixture.whenStable();
      expect(links().map(([name]) => name)).toEqual(['Overview', 'Campaigns', 'Follow-ups', 'Directory']);
    }
    session.clear();
    await fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .match(() => true)
      .filter((r) => !r.cancelled) // a count asked for a previous role is dropped
      .forEach((r) => r.flush({ unread: 0 })); // the bell's count
  });

  it('shows the bell with the unread count, announces arrivals, and links Follow-ups, when signed in', async () => {
    FakeEventStream.opened = [];
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(Session);
    const loading = session.load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const header = (fixture.nativeElement as HTMLElement).querySelector('header') as HTMLElement;
    const bell = () => header.querySelector('a[href="/notifications"]');
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications');

    await vi.waitFor(() => expect(FakeEventStream.opened).toHaveLength(1));
    http.expectOne('/api/notifications/unread-count').flush({ unread: 3 });
    await fixture.whenStable();
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    expect(bell()?.querySelector('.bell__count')?.textContent?.trim()).toBe('3');

    FakeEventStream.latest().emit('notification', JSON.stringify(aNotification({ title: 'Call the mission' })));
    await fixture.whenStable();
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 4 unread');
    expect(header.querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe('New notification: Call the mission');
    expect([...header.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual([
      'Overview',
      'Campaigns',
      'Follow-ups',
      'Directory',
    ]);
    expect(header.querySelector('nav a[href="/follow-ups"]')).not.toBeNull();

    session.clear();
    await fixture.whenStable();
    expect(bell()).toBeNull();
    await vi.waitFor(() => expect(FakeEventStream.latest().closed).toBe(true));
  });
});
