import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { I18n } from '../core/i18n/i18n';
import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { AcceptInvitationPage } from './accept-invitation-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';

@Component({ template: '<h1>Overview</h1>' })
class Overview {}

/** The pages e-mailed links lead to, and the page that sends the reset link. */
describe('pages reached from e-mailed links', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    http = await setUpPageSpec([
      { path: 'forgot-password', component: ForgotPasswordPage },
      { path: 'reset-password', component: ResetPasswordPage },
      { path: 'accept-invitation', component: AcceptInvitationPage },
      { path: '**', component: Overview },
    ]);
    router = TestBed.inject(Router);
  });

  afterEach(tearDownPageSpec);

  const badRequest = { status: 400, statusText: 'Bad Request' };

  describe('ResetPasswordPage', () => {
    it('reads the token from the fragment, removes it from the address, and lands signed in on /', async () => {
      const harness = await RouterTestingHarness.create('/reset-password#token=reset-token-123');
      const page = harness.fixture.nativeElement as HTMLElement;
      await settle(harness.fixture);
      expect(router.url).toBe('/reset-password'); // the token is no longer in the URL

      fill(page, '#reset-password-password', 'a long new passphrase');
      fill(page, '#reset-password-confirm', 'a long new passphrase');
      button(page, 'Save and sign in').click();
      const request = http.expectOne('/api/auth/password-reset/confirm');
      expect(request.request.body).toEqual({ token: 'reset-token-123', password: 'a long new passphrase' });
      expect(request.request.headers.has('X-CSRF-Token')).toBe(false);
      request.flush({ user: aUser(), csrfToken: 'csrf-r' });

      await vi.waitFor(() => expect(router.url).toBe('/'));
      expect(TestBed.inject(Session).csrfToken()).toBe('csrf-r');
    });

    it('checks length and that both passwords match before sending', async () => {
      const harness = await RouterTestingHarness.create('/reset-password#token=t');
      const page = harness.fixture.nativeElement as HTMLElement;
      fill(page, '#reset-password-password', 'too short');
      fill(page, '#reset-password-confirm', 'something else');
      button(page, 'Save and sign in').click();
      await settle(harness.fixture);

      expect(text(page, '#reset-password-password-error')).toBe('Use 12 to 256 characters.');
      expect(query(page, '#reset-password-password').getAttribute('aria-describedby')).toBe(
        'reset-password-password-hint reset-password-password-error',
      );
      expect(text(page, '#reset-password-confirm-error')).toBe('The two passwords are not the same.');

      fill(page, '#reset-password-password', 'twelve chars');
      fill(page, '#reset-password-confirm', 'twelve chars');
      button(page, 'Save and sign in').click();
      http.expectOne('/api/auth/password-reset/confirm').flush(anError(400, 'link_invalid'), badRequest);
      await settle(harness.fixture);
      expect(text(page, '[role="alert"]')).toBe('This link has expired or has already been used.');
      expect(query(page, 'a[href="/forgot-password"]').textContent?.trim()).toBe('Ask for a new link');
    });

    it('says the link is unusable when it has no token', async () => {
      const harness = await RouterTestingHarness.create('/reset-password');
      expect(text(harness.fixture.nativeElement as HTMLElement, '[role="alert"]')).toBe('This link has expired or has already been used.');
    });
  });

  describe('AcceptInvitationPage', () => {
    it('inspects the token from the fragment, shows the invitation, and lands signed in on /', async () => {
      const harness = await RouterTestingHarness.create('/accept-invitation#token=invite-456');
      const page = harness.fixture.nativeElement as HTMLElement;
      expect(text(page, '[role="status"]')).toBe('Checking your invitation…');

      const inspect = http.expectOne('/api/auth/invitations/inspect');
      expect(inspect.request.body).toEqual({ token: 'invite-456' });
      inspect.flush({
        email: 'new@example.org',
        organizationName: 'Centro de Derechos',
        role: 'coordinator',
        expiresAt: '2026-12-05T12:00:00.000Z',
      });
      await settle(harness.fixture);
      expect(router.url).toBe('/accept-invitation');
      expect(text(page, 'p')).toBe('You are invited to join Centro de Derechos as Coordinator.');
      expect(query<HTMLInputElement>(page, '#accept-invitation-email').value).toBe('new@example.org');
      expect(query(page, '#accept-invitation-email').getAttribute('autocomplete')).toBe('username');

      fill(page, '#accept-invitation-name', '  Bea Ortiz ');
      fill(page, '#accept-invitation-password', 'a long new passphrase');
      fill(page, '#accept-invitation-confirm', 'a long new passphrase');
      button(page, 'Create my account').click();
      const accept = http.expectOne('/api/auth/invitations/accept');
      expect(accept.request.body).toEqual({ token: 'invite-456', displayName: 'Bea Ortiz', password: 'a long new passphrase' });
      accept.flush({ user: aUser({ displayName: 'Bea Ortiz', timeZone: 'Etc/GMT+12' }), csrfToken: 'csrf-a' });
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone; // the account takes this browser's zone
      const patch = await vi.waitFor(() => http.expectOne((r) => r.url === '/api/me' && r.method === 'PATCH'));
      expect(patch.request.body).toEqual({ timeZone });
      patch.flush(aUser({ displayName: 'Bea Ortiz', timeZone }));

      await vi.waitFor(() => expect(router.url).toBe('/'));
      expect(TestBed.inject(Session).user()?.displayName).toBe('Bea Ortiz');
    });

    it('gives the new account the language and time zone of this browser, not the server defaults', async () => {
      await TestBed.inject(I18n).setLocale('es');
      const harness = await RouterTestingHarness.create('/accept-invitation#token=invite-789');
      const page = harness.fixture.nativeElement as HTMLElement;
      http.expectOne('/api/auth/invitations/inspect').flush({
        email: 'new@example.org',
        organizationName: 'Centro de Derechos',
        role: 'member',
        expiresAt: '2026-12-05T12:00:00.000Z',
      });
      await settle(harness.fixture);
      fill(page, '#accept-invitation-name', 'Bea Ortiz');
      fill(page, '#accept-invitation-password', 'una frase larga y nueva');
      fill(page, '#accept-invitation-confirm', 'una frase larga y nueva');
      button(page, 'Crear mi cuenta').click();
      http
        .expectOne('/api/auth/invitations/accept')
        .flush({ user: aUser({ displayName: 'Bea Ortiz', locale: 'en', timeZone: 'Etc/GMT+12' }), csrfToken: 'csrf-new' });

      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const patch = await vi.waitFor(() => http.expectOne((r) => r.url === '/api/me' && r.method === 'PATCH'));
      expect(patch.request.body).toEqual({ locale: 'es', timeZone });
      expect(patch.request.headers.get('X-CSRF-Token')).toBe('csrf-new');
      patch.flush(aUser({ displayName: 'Bea Ortiz', locale: 'es', timeZone }));

      await vi.waitFor(() => expect(router.url).toBe('/'));
      expect(TestBed.inject(Session).user()?.locale).toBe('es');
      expect(TestBed.inject(I18n).locale()).toBe('es'); // never switched to English on the way
    });

    it('explains an expired or used invitation', async () => {
      const harness = await RouterTestingHarness.create('/accept-invitation#token=old');
      http.expectOne('/api/auth/invitations/inspect').flush(anError(400, 'link_invalid'), badRequest);
      await settle(harness.fixture);
      expect(text(harness.fixture.nativeElement as HTMLElement, '[role="alert"]')).toContain('This invitation has expired');
    });
  });

  describe('ForgotPasswordPage', () => {
    it('ends on the same neutral confirmation, whatever the address', async () => {
      const harness = await RouterTestingHarness.create('/forgot-password');
      const page = harness.fixture.nativeElement as HTMLElement;
      expect(query(page, '#forgot-password-email').getAttribute('autocomplete')).toBe('email');
      fill(page, '#forgot-password-email', 'nobody@example.org');
      button(page, 'Send the link').click();
      const request = http.expectOne('/api/auth/password-reset');
      expect(request.request.body).toEqual({ email: 'nobody@example.org' });
      request.flush({}, { status: 202, statusText: 'Accepted' });
      await settle(harness.fixture);

      expect(text(page, '[role="status"]')).toContain('If an account uses that address, a link to choose a new password is on its way.');
      expect(page.querySelector('form')).toBeNull();
    });
  });
});
