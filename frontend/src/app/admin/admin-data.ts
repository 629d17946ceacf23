import { ORGANIZATION_KINDS, ROLES } from '@demarche/shared';

import type { components } from '../core/api/schema.generated';
import type { TranslationKey } from '../core/i18n/dictionary';

export type Organization = components['schemas']['OrganizationDto'];
export type OrganizationKind = Organization['kind'];
export type NewOrganization = components['schemas']['CreateOrganizationDto'];
export type User = components['schemas']['UserDto'];
export type Role = User['role'];
export type Invitation = components['schemas']['InvitationDto'];
export type NewInvitation = components['schemas']['CreateInvitationDto'];

export const ALL_ROLES: readonly Role[] = ROLES;
export const ORGANIZATION_KIND_CHOICES: readonly OrganizationKind[] = ORGANIZATION_KINDS;

/** Who enters the admin pages: administrators (everything) and coordinators (people, read-only; invitations to their organization). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator'];

export function isStaff(role: Role | undefined): boolean {
  return role !== undefined && STAFF_ROLES.includes(role);
}

/** The roles `inviter` may invite people as: administrators any; coordinators any but administrator (as the API rules). */
export function invitableRoles(inviter: Role): readonly Role[] {
  return inviter === 'admin' ? ALL_ROLES : ALL_ROLES.filter((role) => role !== 'admin');
}

export function kindKey(kind: OrganizationKind): TranslationKey {
  return `admin.organizations.kind.${kind}`;
}
