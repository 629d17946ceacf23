/**
 * TEMPORARY — delete when `shared/openapi/demarche.openapi.json` documents the identity API.
 *
 * The sign-in and account endpoints as agreed with the backend, in the shape openapi-typescript
 * generates, so that the dashboard compiles before the backend's OpenAPI document has them.
 * `ApiClient` merges these with the generated `paths`; once the document has them this file and
 * the merge go, and every type comes from `schema.generated.ts`.
 */
type Json<T> = { content: { 'application/json': T } };
type NoContent = { content?: never };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

interface MeDto {
  id: string;
  email: string;
  displayName: string;
  role: 'admin' | 'coordinator' | 'member' | 'observer';
  organization: { id: string; name: string };
  locale: 'en' | 'es';
  timeZone: string;
}
interface SessionDto {
  user: MeDto;
  csrfToken: string;
}
interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface IdentityPaths {
  '/api/auth/login': {
    post: { parameters: NoParams; requestBody: Json<{ email: string; password: string }>; responses: { 200: Json<SessionDto> } };
  };
  '/api/auth/logout': { post: { parameters: NoParams; requestBody?: never; responses: { 204: NoContent } } };
  '/api/auth/logout-everywhere': { post: { parameters: NoParams; requestBody?: never; responses: { 204: NoContent } } };
  '/api/auth/password-reset': {
    post: { parameters: NoParams; requestBody: Json<{ email: string }>; responses: { 202: Json<Record<string, never>> } };
  };
  '/api/auth/password-reset/confirm': {
    post: { parameters: NoParams; requestBody: Json<{ token: string; password: string }>; responses: { 200: Json<SessionDto> } };
  };
  '/api/auth/invitations/inspect': {
    post: {
      parameters: NoParams;
      requestBody: Json<{ token: string }>;
      responses: { 200: Json<{ email: string; organizationName: string; role: MeDto['role']; expiresAt: string }> };
    };
  };
  '/api/auth/invitations/accept': {
    post: {
      parameters: NoParams;
      requestBody: Json<{ token: string; displayName: string; password: string }>;
      responses: { 200: Json<SessionDto> };
    };
  };
  '/api/me': {
    get: { parameters: NoParams; requestBody?: never; responses: { 200: Json<{ user: MeDto; csrfToken: string | null }> } };
    patch: {
      parameters: NoParams;
      requestBody: Json<{ displayName?: string; locale?: MeDto['locale']; timeZone?: string }>;
      responses: { 200: Json<MeDto> };
    };
  };
  '/api/me/password': {
    post: {
      parameters: NoParams;
      requestBody: Json<{ currentPassword: string; newPassword: string }>;
      responses: { 200: Json<{ csrfToken: string }> };
    };
  };
  '/api/me/tokens': {
    get: {
      parameters: { query?: { cursor?: string; limit?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<{ items: ApiTokenDto[]; nextCursor: string | null }> };
    };
    post: {
      parameters: NoParams;
      requestBody: Json<{ name: string; expiresAt?: string }>;
      responses: { 201: Json<{ token: string; apiToken: ApiTokenDto }> };
    };
  };
  '/api/me/tokens/{id}': {
    delete: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 204: NoContent };
    };
  };
}
