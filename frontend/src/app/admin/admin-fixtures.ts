import type { Invitation, Organization, User } from './admin-data';

/** Test data for the admin pages' specs, shaped as the API answers. */

export const ADMIN_ORG = 'b0e3c0a4-1111-4c2d-8e0f-000000000001';
export const OTHER_ORG = 'b0e3c0a4-2222-4c2d-8e0f-000000000002';

export function anOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: OTHER_ORG,
    name: 'Cristosal',
    country: 'SV',
    kind: 'ngo',
    contactEmail: 'info@cristosal.example',
    website: 'https://cristosal.example',
    isExample: false,
    disabledAt: null,
    createdAt: '2026-01-10T12:00:00.000Z',
    ...overrides,
  };
}

export function aUserRow(overrides: Partial<User> = {}): User {
  return {
    id: 'a1000000-0000-4000-8000-000000000001',
    email: 'observer@example.org',
    displayName: 'Olga Observer',
    role: 'observer',
    organizationId: OTHER_ORG,
    organizationName: 'Cristosal',
    locale: 'es',
    timeZone: 'America/El_Salvador',
    isExample: false,
    disabledAt: null,
    lastSignInAt: '2026-11-28T12:00:00.000Z',
    createdAt: '2026-01-10T12:00:00.000Z',
    ...overrides,
  };
}

export function anInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'c1000000-0000-4000-8000-000000000001',
    email: 'new.person@example.org',
    organizationId: OTHER_ORG,
    organizationName: 'Cristosal',
    role: 'member',
    createdAt: '2026-11-28T12:00:00.000Z',
    expiresAt: '2026-12-05T12:00:00.000Z',
    ...overrides,
  };
}
