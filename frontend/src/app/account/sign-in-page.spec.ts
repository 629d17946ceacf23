import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { SignInPage } from './sign-in-page';

@Component({ template: '<h1>Elsewhere</h1>' })
class Elsewhere {}

describe('SignInPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([
      { path: 'sign-in', component: SignInPage },
      { path: '**', component: Elsewhere },
    ]);
  });

  afterEach(tearDownPageSpec);

  async function open(url = '/sign-in'): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
    const harness = await RouterTestingHarness.create(url);
    return { harness, page: harness.fixture.nativeElement as HTMLElement };
  }

  async function submit(harness: RouterTestingHarness, email: string, password: string): Promise<void> {
    const page = harness.fixture.nativeElement as HTMLElement;
    fill(page, '#sign-in-email', email);
    fill(page, '#sign-in-password', password);
    button(page, 'Sign in').click();
    await harness.fixture.whenStable();
  }

  it('labels every field and asks password managers for the right entries', async () => {
    const { page } = await open();
    expect(text(page, 'label[for="sign-in-email"]')).toBe('E-mail address');
    expect(text(page, 'label[for="sign-in-password"]')).toBe('Password');
    expect(query(page, '#sign-in-email').getAttribute('autocomplete')).toBe('username');
    expect(query(page, '#sign-in-password').getAttribute('autocomplete')).toBe('current-password');
    expect(query(page, 'a[href="/forgot-password"]').textContent?.trim()).toBe('Forgot your password?');
  });

  it('checks the fields before sending: message at the field, aria-invalid, aria-describedby', async () => {
    const { harness, page } = await open();
    await submit(harness, 'not-an-address', '');

    const email = query(page, '#sign-in-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, `#${email.getAttribute('aria-describedby')}`)).toBe('Enter an e-mail address such as name@example.org.');
    const password = query(page, '#sign-in-password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, `#${password.getAttribute('aria-describedby')}`)).toBe('Enter your password.');
    expect(document.activeElement).toBe(email); // focus on the first field in error

    fill(page, '#sign-in-email', 'ana@example.org'); // editing a field clears its message
    await harness.fixture.whenStable();
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    expect(email.hasAttribute('aria-describedby')).toBe(false);
  });

  it("shows the API's field errors at their fields", async () => {
    const { harness, page } = await open();
    await submit(harness, 'ana@example.org', 'x');
    http.expectOne('/api/auth/login').flush(anError(400, 'validation_failed', [{ field: 'email', message: 'must be an email' }]), {
      status: 400,
      statusText: 'Bad Request',
    });
    await settle(harness.fixture);

    const email = query(page, '#sign-in-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(text(page, `#${email.getAttribute('aria-describedby')}`)).toBe('Not accepted: must be an email.');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('says "E-mail or password is wrong" without saying which, and marks both fields', async () => {
    const { harness, page } = await open();
    await submit(harness, 'ana@example.org', 'wrong password');
    http.expectOne('/api/auth/login').flush(anError(401, 'invalid_credentials'), { status: 401, statusText: 'Unauthorized' });
    await settle(harness.fixture);

    const alert = query(page, '[role="alert"]');
    expect(alert.textContent?.trim()).toBe('E-mail or password is wrong.');
    for (const id of ['#sign-in-email', '#sign-in-password']) {
      expect(query(page, id).getAttribute('aria-invalid')).toBe('true');
      expect(query(page, id).getAttribute('aria-describedby')).toBe(alert.id);
    }
    expect(TestBed.inject(Router).url).toBe('/sign-in'); // no redirect for /api/auth/*
  });

  it('turns a 429 into "try again in N minutes" from Retry-After', async () => {
    const { harness, page } = await open();
    await submit(harness, 'ana@example.org', 'guess');
    http.expectOne('/api/auth/login').flush(anError(429, 'rate_limited'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '540' },
    });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('Too many attempts; try again in 9 minutes.');
  });

  it('disables the button while signing in and sends one request only', async () => {
    const { harness, page } = await open();
    await submit(harness, 'ana@example.org', 'correct horse battery');
    const busy = button(page, 'Signing in…');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    busy.click(); // a second submit while the first is under way is ignored
    await harness.fixture.whenStable();

    http.expectOne('/api/auth/login').flush({ user: aUser(), csrfToken: 'c' });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/'));
    expect(TestBed.inject(Session).user()?.displayName).toBe('Ana Pérez');
  });

  for (const [next, expected] of [
    ['%2Fprofile', '/profile'],
    ['%2F%2Fevil.com', '/'],
    ['https%3A%2F%2Fevil.com', '/'],
  ] as const) {
    it(`after signing in with next=${decodeURIComponent(next)}, goes to ${expected}`, async () => {
      const { harness } = await open(`/sign-in?next=${next}`);
      await submit(harness, 'ana@example.org', 'correct horse battery');
      http.expectOne('/api/auth/login').flush({ user: aUser(), csrfToken: 'c' });
      await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe(expected));
    });
  }

  it('says why we are here when the app signed us out', async () => {
    const harness = await RouterTestingHarness.create('/');
    await TestBed.inject(Router).navigateByUrl('/sign-in', { state: { signIn: 'signedOut' } });
    await harness.fixture.whenStable();
    expect(text(harness.fixture.nativeElement as HTMLElement, '[role="status"]')).toBe('You have signed out.');
  });
});
