import type { Me } from '../core/session/session';

/** A signed-in person as `GET /api/me` describes them. */
export function aUser(overrides: Partial<Me> = {}): Me {
  return {
    id: '7c1e9a7e-8d0b-4f5e-9f51-3b8a2d1c0a11',
    email: 'ana@example.org',
    displayName: 'Ana Pérez',
    role: 'member',
    organization: { id: 'b0e3c0a4-1111-4c2d-8e0f-000000000001', name: 'Centro de Derechos' },
    locale: 'en',
    timeZone: 'America/Argentina/Buenos_Aires',
    ...overrides,
  };
}

/** An API error body, as the server sends it. */
export function anError(statusCode: number, code: string, details?: { field: string; message: string }[]) {
  return { statusCode, code, message: `${code} (test)`, ...(details ? { details } : {}), requestId: 'req-test-1' };
}
