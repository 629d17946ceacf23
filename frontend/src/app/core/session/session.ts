import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient, type ResponseBody } from '../api/api-client';
import { HttpError } from '../api/http-error';
import { I18n } from '../i18n/i18n';
import { isLocale } from '../i18n/locales';

/** The signed-in person, as `GET /api/me` describes them. */
export type Me = ResponseBody<'/api/me', 'get'>['user'];

/** The answer of every call that opens a session: sign-in, password reset, accepted invitation. */
export type SessionStart = ResponseBody<'/api/auth/login', 'post'>;

interface SessionState {
  readonly user: Me | null;
  /** Sent back as `X-CSRF-Token` on unsafe requests (see `sessionInterceptor`). */
  readonly csrfToken: string | null;
}

const SIGNED_OUT: SessionState = { user: null, csrfToken: null };

/**
 * Who is signed in. The session itself is an httpOnly cookie the dashboard never sees; this
 * service holds what the API tells us about it: the person (`user`) and the CSRF token that
 * must accompany every cookie-authenticated POST/PUT/PATCH/DELETE.
 *
 * `load()` runs once before the first render (an app initializer), so guards and the header
 * know the answer from the start. The person's language is their choice: when their profile
 * says Spanish, the dashboard switches to Spanish.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly state = signal<SessionState>(SIGNED_OUT);

  readonly user = computed(() => this.state().user);
  readonly signedIn = computed(() => this.state().user !== null);
  readonly csrfToken = computed(() => this.state().csrfToken);
  /**
   * True while a sign-out is on its way to the API: what follows the session (the notification
   * stream) stops first, so that none of its requests meets the ended session (a 401).
   */
  readonly ending = signal(false);

  /**
   * Asks the API who we are. A 401 simply means signed out; so does any other failure (the API
   * is down): pages that need a session then offer the sign-in page, which reports the problem.
   */
  async load(): Promise<void> {
    try {
      const { user, csrfToken } = await firstValueFrom(this.api.get('/api/me'));
      await this.set({ user, csrfToken });
    } catch (error) {
      this.clear();
      if (!(error instanceof HttpError && error.status === 401)) {
        console.warn('Could not ask the API who is signed in; continuing signed out.', error);
      }
    }
  }

  /** Signs in with e-mail and password. Rejects with the API's `HttpError`. */
  async signIn(email: string, password: string): Promise<Me> {
    const started = await firstValueFrom(this.api.post('/api/auth/login', { email, password }));
    await this.start(started);
    return started.user;
  }

  /** Adopts a session the API has just opened (sign-in, password reset, accepted invitation). */
  start(started: SessionStart): Promise<void> {
    return this.set({ user: started.user, csrfToken: started.csrfToken });
  }

  /** Ends this session. A 401 means it had already ended, which is the goal. */
  signOut(): Promise<void> {
    return this.end(this.api.post('/api/auth/logout', undefined));
  }

  /** Ends every session of the person, this one included. */
  signOutEverywhere(): Promise<void> {
    return this.end(this.api.post('/api/auth/logout-everywhere', undefined));
  }

  /** The API issued a new CSRF token (a password change starts a new session for this browser). */
  replaceCsrf(csrfToken: string): void {
    this.state.update((state) => ({ ...state, csrfToken }));
  }

  /** The profile changed (`PATCH /api/me`): show the new details and apply the language. */
  updateUser(user: Me): Promise<void> {
    return this.set({ ...this.state(), user });
  }

  /** Saves a language chosen in the header to the profile, so that it follows the person. */
  async saveLocale(locale: Me['locale']): Promise<void> {
    if (this.user()?.locale !== locale) {
      await this.updateUser(await firstValueFrom(this.api.patch('/api/me', { locale })));
    }
  }

  /** Forgets the session locally, e.g. when the API answers 401 because it has expired. */
  clear(): void {
    this.state.set(SIGNED_OUT);
  }

  private async end(request: ReturnType<ApiClient['post']>): Promise<void> {
    this.ending.set(true);
    try {
      await firstValueFrom(request);
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 401)) {
        throw error; // still signed in on the server: say so rather than pretend
      }
    } finally {
      this.ending.set(false);
    }
    this.clear();
  }

  private async set(state: SessionState): Promise<void> {
    this.state.set(state);
    const locale = state.user?.locale;
    // Even when it looks active already: `I18n.init()` may still be loading the saved or browser
    // language at start-up, and only a later `setLocale` is sure to win over it.
    if (isLocale(locale)) {
      try {
        await this.i18n.setLocale(locale);
      } catch (error) {
        console.error(`Could not switch to the profile's language "${locale}"`, error);
      }
    }
  }
}

/** The signed-in person, for pages behind `authGuard`, which cannot render without one. */
export function signedInUser(session: Session): Me {
  const user = session.user();
  if (!user) {
    throw new Error('This page needs a signed-in user: put it behind authGuard.');
  }
  return user;
}
