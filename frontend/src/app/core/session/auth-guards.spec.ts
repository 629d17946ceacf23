import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aUser } from '../../testing/fixtures';
import { HttpTestingController, provideHttpTesting } from '../../testing/http-testing';
import { authGuard, guestGuard, needsSession, topRoute } from './auth-guards';
import { Session } from './session';

@Component({ template: '' })
class Blank {}

describe('authGuard and guestGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'profile', canActivate: [authGuard], component: Blank },
          { path: 'sign-in', canActivate: [guestGuard], component: Blank },
          { path: '**', component: Blank },
        ]),
        provideHttpTesting(),
      ],
    });
  });

  async function signIn(): Promise<void> {
    const session = TestBed.inject(Session);
    const loading = session.load();
    TestBed.inject(HttpTestingController).expectOne('/api/me').flush({ user: aUser(), csrfToken: 'c' });
    await loading;
  }

  it('sends a signed-out visitor of /profile to /sign-in?next=%2Fprofile', async () => {
    await RouterTestingHarness.create('/profile');
    expect(TestBed.inject(Router).url).toBe('/sign-in?next=%2Fprofile');
  });

  it('lets a signed-in person through to /profile', async () => {
    await signIn();
    await RouterTestingHarness.create('/profile');
    expect(TestBed.inject(Router).url).toBe('/profile');
  });

  it('sends a signed-in person away from /sign-in to the overview', async () => {
    await signIn();
    await RouterTestingHarness.create('/sign-in');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('tells the paths under a route that needs a session, through path-less parents', () => {
    const routes = [
      {
        path: '',
        component: Blank,
        children: [
          { path: '', component: Blank },
          { path: 'sign-in', canActivate: [guestGuard], component: Blank },
          { path: 'campaigns', canActivate: [authGuard], children: [] },
          { path: '**', component: Blank },
        ],
      },
    ];
    expect(needsSession('/campaigns/c1', routes)).toBe(true);
    expect(needsSession('/campaigns?q=x', routes)).toBe(true);
    expect(needsSession('/', routes)).toBe(false);
    expect(needsSession('/sign-in', routes)).toBe(false);
    expect(needsSession('/campaignsx', routes)).toBe(false);

    // The route start-up fetches the chunk of (app.config.ts): the first segment's, else none.
    const [frame] = routes;
    expect(topRoute('/campaigns/c1/timeline', routes)).toBe(frame?.children[2]);
    expect(topRoute('/', routes)).toBe(frame?.children[0]);
    expect(topRoute('/sign-in?next=%2F', routes)).toBe(frame?.children[1]);
    expect(topRoute('/no-such-page', routes)).toBeUndefined();
  });
});
