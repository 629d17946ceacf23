import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { I18n } from '../../core/i18n/i18n';
import { Session } from '../../core/session/session';
import { button, fill, query, settle, text } from '../../testing/dom';
import { aUser, anError } from '../../testing/fixtures';
import type { HttpTestingController } from '../../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../../testing/page-spec';
import type { ApiToken } from './api-tokens-panel';
import { ProfilePage } from './profile-page';

@Component({ template: '<h1>Sign in</h1>' })
class SignIn {}

const SECRET = 'dmt_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

function aToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: '5b7f0a6e-0000-4000-8000-000000000001',
    name: 'Weekly report',
    prefix: 'dmt_9f8e',
    createdAt: '2026-11-28T12:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    ...overrides,
  };
}

describe('ProfilePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([
      { path: 'profile', component: ProfilePage },
      { path: 'sign-in', component: SignIn },
    ]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
    harness = await RouterTestingHarness.create('/profile');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(tearDownPageSpec);

  const tokenList = () => http.expectOne((r) => r.url === '/api/me/tokens' && r.method === 'GET');

  describe('API tokens', () => {
    it('shows a loading state, then "No API tokens yet"', async () => {
      expect(text(page, 'dm-api-tokens-panel [role="status"]')).toBe('Loading your API tokens…');
      tokenList().flush({ items: [], nextCursor: null });
      await settle(harness.fixture);
      expect(text(page, '.empty')).toBe('No API tokens yet.');
      expect(page.querySelector('table')).toBeNull();
    });

    it('lists tokens with name, prefix and dates in the person’s zone', async () => {
      tokenList().flush({ items: [aToken({ lastUsedAt: '2026-11-28T15:30:00.000Z' })], nextCursor: null });
      await settle(harness.fixture);
      const cells = [...page.querySelectorAll('tbody tr > *')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
      expect(cells.slice(0, 5)).toEqual([
        'Weekly report',
        'dmt_9f8e…',
        'Nov 28, 2026, 09:00 AM GMT-3', // Buenos Aires
        'Never',
        'Nov 28, 2026, 12:30 PM GMT-3',
      ]);
    });

    it('creates a token and shows its secret once, with a warning; it joins the list', async () => {
      tokenList().flush({ items: [], nextCursor: null });
      await settle(harness.fixture);

      fill(page, '#create-token-name', 'Weekly report');
      fill(page, '#create-token-expires', '2027-03-31');
      button(page, 'Create token').click();
      const create = http.expectOne((r) => r.url === '/api/me/tokens' && r.method === 'POST');
      expect(create.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
      // The end of the chosen day in the person's zone (Buenos Aires, UTC−3).
      expect(create.request.body).toEqual({ name: 'Weekly report', expiresAt: '2027-04-01T02:59:00.000Z' });
      create.flush({ token: SECRET, apiToken: aToken({ expiresAt: '2027-04-01T02:59:00.000Z' }) }, { status: 201, statusText: 'Created' });
      await settle(harness.fixture);

      const secret = query<HTMLInputElement>(page, '#new-token-value');
      expect(secret.value).toBe(SECRET);
      expect(secret.readOnly).toBe(true);
      expect(text(page, 'label[for="new-token-value"]')).toBe('Token');
      expect(text(page, '.new-token__warning')).toBe('Copy it now and keep it somewhere safe: it will not be shown again.');
      expect(document.activeElement?.id).toBe('new-token-heading');
      expect(text(page, 'tbody th')).toBe('Weekly report');
      expect(query<HTMLInputElement>(page, '#create-token-name').value).toBe(''); // the form is ready for another

      button(page, 'I have copied it').click();
      await settle(harness.fixture);
      expect(page.querySelector('#new-token-value')).toBeNull();
      expect(page.innerHTML).not.toContain(SECRET); // gone for good; the list shows the prefix only
      expect(text(page, 'tbody td code')).toBe('dmt_9f8e…');
    });

    it('copies the secret to the clipboard', async () => {
      const writeText = vi.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      tokenList().flush({ items: [], nextCursor: null });
      fill(page, '#create-token-name', 'CI');
      button(page, 'Create token').click();
      http.expectOne((r) => r.method === 'POST').flush({ token: SECRET, apiToken: aToken({ name: 'CI' }) });
      await settle(harness.fixture);

      button(page, 'Copy').click();
      await settle(harness.fixture);
      expect(writeText).toHaveBeenCalledWith(SECRET);
      expect(text(page, '.new-token__status')).toBe('Copied to the clipboard.');
    });

    it('asks before revoking, then revokes and says so', async () => {
      tokenList().flush({ items: [aToken()], nextCursor: null });
      await settle(harness.fixture);

      const revoke = query<HTMLButtonElement>(page, 'button[aria-label="Revoke the token Weekly report"]');
      revoke.click();
      await settle(harness.fixture);
      expect(text(page, '.confirm p')).toBe('Revoke “Weekly report”? Anything using it stops working at once.');
      expect(document.activeElement?.textContent?.trim()).toBe('Yes, revoke');

      button(page, 'Cancel').click();
      await settle(harness.fixture);
      expect(page.querySelector('.confirm')).toBeNull();

      query<HTMLButtonElement>(page, 'button[aria-label="Revoke the token Weekly report"]').click();
      await settle(harness.fixture);
      button(page, 'Yes, revoke').click();
      const request = http.expectOne('/api/me/tokens/5b7f0a6e-0000-4000-8000-000000000001');
      expect(request.request.method).toBe('DELETE');
      expect(request.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle(harness.fixture);

      expect(text(page, '.empty')).toBe('No API tokens yet.');
      expect(text(page, 'dm-api-tokens-panel [role="status"]')).toBe('The token “Weekly report” has been revoked.');
    });
  });

  describe('details', () => {
    beforeEach(() => tokenList().flush({ items: [], nextCursor: null }));

    it('preselects the current language and time zone, saves, and applies the language chosen', async () => {
      await settle(harness.fixture);
      expect(query<HTMLSelectElement>(page, '#profile-details-locale').value).toBe('en');
      const zone = query<HTMLSelectElement>(page, '#profile-details-zone');
      expect(zone.value).toBe('America/Argentina/Buenos_Aires');
      expect(zone.options.length).toBeGreaterThan(300);

      fill(page, '#profile-details-name', 'Ana P.');
      fill(page, '#profile-details-locale', 'es');
      fill(page, '#profile-details-zone', 'Europe/Madrid');
      button(page, 'Save').click();
      const request = http.expectOne((r) => r.url === '/api/me' && r.method === 'PATCH');
      expect(request.request.body).toEqual({ displayName: 'Ana P.', locale: 'es', timeZone: 'Europe/Madrid' });
      request.flush(aUser({ displayName: 'Ana P.', locale: 'es', timeZone: 'Europe/Madrid' }));
      await vi.waitFor(() => expect(TestBed.inject(I18n).locale()).toBe('es'));
      await settle(harness.fixture);

      expect(text(page, 'h1')).toBe('Su perfil');
      expect(text(page, 'dm-profile-details-form [role="status"]')).toBe('Se ha guardado su perfil.');
      expect(TestBed.inject(Session).user()?.displayName).toBe('Ana P.');
    });
  });

  describe('password', () => {
    beforeEach(() => tokenList().flush({ items: [], nextCursor: null }));

    it('shows a wrong current password at its field', async () => {
      fill(page, '#change-password-current', 'not it');
      fill(page, '#change-password-new', 'a brand new passphrase');
      fill(page, '#change-password-confirm', 'a brand new passphrase');
      button(page, 'Change password').click();
      http.expectOne('/api/me/password').flush(anError(400, 'wrong_password', [{ field: 'currentPassword', message: 'is not right' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
      await settle(harness.fixture);

      const field = query(page, '#change-password-current');
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(text(page, `#${field.getAttribute('aria-describedby')}`)).toBe('This is not your current password.');
    });

    it('keeps the new CSRF token of the new session', async () => {
      fill(page, '#change-password-current', 'the old passphrase');
      fill(page, '#change-password-new', 'a brand new passphrase');
      fill(page, '#change-password-confirm', 'a brand new passphrase');
      button(page, 'Change password').click();
      const request = http.expectOne('/api/me/password');
      expect(request.request.body).toEqual({ currentPassword: 'the old passphrase', newPassword: 'a brand new passphrase' });
      request.flush({ csrfToken: 'csrf-2' });
      await settle(harness.fixture);

      expect(TestBed.inject(Session).csrfToken()).toBe('csrf-2');
      expect(text(page, 'dm-change-password-form [role="status"]')).toContain('Your password has been changed.');
      expect(query<HTMLInputElement>(page, '#change-password-current').value).toBe('');
    });
  });

  it('signs out everywhere and goes to the sign-in page', async () => {
    tokenList().flush({ items: [], nextCursor: null });
    button(page, 'Sign out everywhere').click();
    http.expectOne('/api/auth/logout-everywhere').flush(null, { status: 204, statusText: 'No Content' });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/sign-in'));
    expect(TestBed.inject(Session).signedIn()).toBe(false);
  });
});
