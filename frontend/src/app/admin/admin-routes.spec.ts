import { TestBed } from '@angular/core/testing';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { Me } from '../core/session/session';
import { Session } from '../core/session/session';
import { text } from '../testing/dom';
import { aUser } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { ADMIN_ROUTES } from './admin.routes';

/** The admin area's routes and role guards, as app.routes.ts mounts them (behind authGuard). */
describe('ADMIN_ROUTES', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([
      { path: 'admin', children: ADMIN_ROUTES },
      { path: 'sign-in', children: [] },
    ]);
  });

  afterEach(tearDownPageSpec);

  let harness: RouterTestingHarness;

  async function visit(url: string, me: Partial<Me> | null): Promise<HTMLElement> {
    if (me) {
      await TestBed.inject(Session).start({ user: aUser(me), csrfToken: 'csrf-1' });
    }
    harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement as HTMLElement;
  }

  it('refuses a member with a clear page, keeping the address asked for', async () => {
    const page = await visit('/admin', { role: 'member' });
    expect(TestBed.inject(Router).url).toBe('/admin/not-allowed');
    expect(TestBed.inject(Location).path()).toBe('/admin/users');
    expect(text(page, 'h1')).toBe('Not allowed');
    expect(text(page, '.alert')).toBe('Your role (Member) does not give access to this page.');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/');
    http.expectNone(() => true); // no page asked the API for anything
  });

  it('refuses an observer too', async () => {
    const page = await visit('/admin/invitations', { role: 'observer' });
    expect(text(page, 'h1')).toBe('Not allowed');
    expect(TestBed.inject(Location).path()).toBe('/admin/invitations');
  });

  it('lets a coordinator into the users page, but not the organizations page', async () => {
    const users = await visit('/admin', { role: 'coordinator' });
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(text(users, 'h1')).toBe('Users');
    expect([...users.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual(['Users', 'Invitations']);
    http.match(() => true).forEach((request) => request.flush({ items: [], nextCursor: null }));

    await harness.navigateByUrl('/admin/organizations');
    expect(TestBed.inject(Router).url).toBe('/admin/not-allowed');
    expect(TestBed.inject(Location).path()).toBe('/admin/organizations');
    const refused = harness.routeNativeElement as HTMLElement;
    expect(text(refused, '.alert')).toBe('Your role (Coordinator) does not give access to this page.');
    expect(refused.querySelector('a')?.getAttribute('href')).toBe('/admin/users');
  });

  it('lets an administrator into the organizations page, with the whole admin navigation', async () => {
    const page = await visit('/admin/organizations', { role: 'admin' });
    expect(text(page, 'h1')).toBe('Organizations');
    expect([...page.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).toEqual([
      'Users',
      'Invitations',
      'Organizations',
      'Failed deliveries',
    ]);
    expect(page.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Organizations');
    http.expectOne((r) => r.url === '/api/organizations').flush({ items: [], nextCursor: null });
  });

  it('sends someone signed out to sign in', async () => {
    await visit('/admin/users', null);
    expect(TestBed.inject(Router).url).toBe('/sign-in?next=%2Fadmin%2Fusers');
  });
});
