import type { Locale } from '@demarche/shared';
import { mailBody, dateIn, type RenderedMail } from '../core/mail/mail-layout.js';

/** The invitation to join Demarche, in the invitee's language. (Layout and dates: core/mail/mail-layout.ts.) */

export function invitationMail(
  locale: Locale,
  p: { inviterName: string; organizationName: string; roleLabel: string; link: string; expiresAt: Date; timeZone: string },
): RenderedMail {
  const until = dateIn(locale, p.expiresAt, p.timeZone);
  if (locale === 'es') {
    return {
      subject: `Invitación a Demarche (${p.organizationName})`,
      ...mailBody(
        [
          `${p.inviterName} le invita a unirse a Demarche como ${p.roleLabel} de ${p.organizationName}.`,
          `Abra el enlace para elegir su contraseña. El enlace sirve una sola vez y vence el ${until}.`,
        ],
        { href: p.link, label: 'Aceptar la invitación' },
        'Si no esperaba esta invitación, ignore este mensaje.',
      ),
    };
  }
  return {
    subject: `Your invitation to Demarche (${p.organizationName})`,
    ...mailBody(
      [
        `${p.inviterName} invites you to join Demarche as ${p.roleLabel} of ${p.organizationName}.`,
        `Open the link to choose your password. It works once and expires on ${until}.`,
      ],
      { href: p.link, label: 'Accept the invitation' },
      'If you did not expect this invitation, ignore this message.',
    ),
  };
}

const ROLE_LABELS: Record<Locale, Record<string, string>> = {
  en: { admin: 'an administrator', coordinator: 'a coordinator', member: 'a member', observer: 'an observer' },
  es: { admin: 'administrador/a', coordinator: 'coordinador/a', member: 'miembro', observer: 'observador/a' },
};

export const roleLabel = (locale: Locale, role: string): string => ROLE_LABELS[locale][role] ?? role;
