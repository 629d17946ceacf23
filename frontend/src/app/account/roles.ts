import type { TranslationKey } from '../core/i18n/dictionary';
import type { Me } from '../core/session/session';

const ROLE_KEYS = {
  admin: 'role.admin',
  coordinator: 'role.coordinator',
  member: 'role.member',
  observer: 'role.observer',
} as const satisfies Record<Me['role'], TranslationKey>;

/** The translation key of a role's name. */
export function roleKey(role: Me['role']): TranslationKey {
  return ROLE_KEYS[role];
}
