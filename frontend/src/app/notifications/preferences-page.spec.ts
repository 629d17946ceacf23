import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { I18n } from '../core/i18n/i18n';
import { Session } from '../core/session/session';
import { button, fill, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { FAKE_EVENT_STREAM, FakeEventStream } from './notification-fixtures';
import { PreferencesPage } from './preferences-page';

const KINDS = ['reminder', 'escalation', 'no_response', 'assignment', 'response', 'status_change'] as const;

function preferences(overrides: Record<string, unknown> = {}) {
  const channels = Object.fromEntries(KINDS.map((k) => [k, { email: k !== 'status_change', inApp: true }]));
  return {
    channels,
    digest: 'off',
    mutedCampaignIds: [] as string[],
    timeZone: 'America/Argentina/Buenos_Aires',
    locale: 'en',
    kinds: [...KINDS],
    ...overrides,
  };
}

const CAMPAIGN = { id: 'c1', title: 'Detention agreement' };

describe('PreferencesPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    FakeEventStream.opened = [];
    TestBed.configureTestingModule({ providers: [FAKE_EVENT_STREAM] });
    http = await setUpPageSpec([{ path: 'notifications/preferences', component: PreferencesPage }]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    harness = await RouterTestingHarness.create('/notifications/preferences');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(tearDownPageSpec);

  async function loaded(prefs = preferences()): Promise<void> {
    expect(text(page, '[role="status"]')).toBe('Loading your preferences…');
    http.expectOne('/api/me/notification-preferences').flush(prefs);
    http.expectOne((r) => r.url === '/api/campaigns').flush({ items: [CAMPAIGN], nextCursor: null });
    await settle(harness.fixture);
  }

  const box = (id: string) => page.querySelector<HTMLInputElement>(`#${id}`)!;
  const labelled = (label: string) =>
    [...page.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s+/g, ' ').trim() === label)!.querySelector('input')!;

  it('shows channels per kind with labelled checkboxes, the digest, zone, language and campaigns', async () => {
    await loaded();
    expect(text(page, 'caption')).toBe('How you are told of each kind of notification');
    expect([...page.querySelectorAll('tbody th')].map((th) => th.textContent?.trim())).toEqual([
      'Reminder',
      'Escalation',
      'No response',
      'Assignment',
      'Response',
      'Status change',
    ]);
    expect(page.querySelector('label[for="pref-status_change-email"]')?.textContent?.trim()).toBe('Status change by e-mail');
    expect(box('pref-status_change-email').checked).toBe(false);
    expect(box('pref-reminder-inApp').checked).toBe(true);
    expect(page.querySelector<HTMLSelectElement>('#prefs-zone')?.value).toBe('America/Argentina/Buenos_Aires');
    expect(page.querySelector<HTMLSelectElement>('#prefs-locale')?.value).toBe('en');
    expect(labelled('Detention agreement').checked).toBe(false);
  });

  it('saves everything with PATCH and says so', async () => {
    await loaded();
    box('pref-status_change-email').click();
    labelled('One e-mail a day at 08:00 in your time zone, instead of each e-mail as it happens').click();
    labelled('Detention agreement').click();
    fill(page, '#prefs-zone', 'Europe/Madrid');
    button(page, 'Save').click();

    const patch = http.expectOne('/api/me/notification-preferences');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    const body = patch.request.body as ReturnType<typeof preferences>;
    expect((body.channels as Record<string, { email: boolean }>)['status_change']?.email).toBe(true);
    expect(body).toMatchObject({ digest: 'daily', mutedCampaignIds: ['c1'], timeZone: 'Europe/Madrid', locale: 'en' });
    patch.flush({ ...preferences(), ...body });
    await settle(harness.fixture);
    expect(text(page, '[role="status"], .form [role="alert"], dm-form-alert')).toBe('Your notification preferences are saved.');
    expect(TestBed.inject(Session).user()?.timeZone).toBe('Europe/Madrid');
  });

  it('switches the dashboard language when the language changes', async () => {
    await loaded();
    fill(page, '#prefs-locale', 'es');
    button(page, 'Save').click();
    http.expectOne('/api/me/notification-preferences').flush(preferences({ locale: 'es' }));
    await vi.waitFor(() => expect(TestBed.inject(I18n).locale()).toBe('es'));
    await settle(harness.fixture);
    expect(text(page, 'h1')).toBe('Preferencias de notificación');
    expect(TestBed.inject(Session).user()?.locale).toBe('es');
  });

  it('shows the API’s complaint about a field at that field', async () => {
    await loaded();
    button(page, 'Save').click();
    http
      .expectOne('/api/me/notification-preferences')
      .flush(anError(400, 'validation_failed', [{ field: 'timeZone', message: 'must be an IANA time zone' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
    await settle(harness.fixture);
    expect(text(page, '#prefs-timeZone-error')).toContain('must be an IANA time zone');
    expect(page.querySelector('#prefs-zone')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('reports a failed load with a retry', async () => {
    http.expectOne('/api/me/notification-preferences').flush(anError(500, 'internal_error'), { status: 500, statusText: 'Error' });
    http.expectOne((r) => r.url === '/api/campaigns').flush({ items: [], nextCursor: null });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toContain('internal_error');
    button(page, 'Try again').click();
    await settle(harness.fixture);
    await loaded();
    expect(page.querySelector('form')).not.toBeNull();
  });
});
