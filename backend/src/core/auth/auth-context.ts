import type { Locale, Role } from '@demarche/shared';

/** The signed-in person, as every service sees them. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  locale: Locale;
  timeZone: string;
}

/** How the request was authenticated. A Bearer request is judged by its token alone. */
export type AuthContext =
  { via: 'session'; user: AuthUser; sessionId: string; csrfToken: string } | { via: 'token'; user: AuthUser; tokenId: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the global AuthGuard on every non-public route. */
    auth?: AuthContext;
  }
}
