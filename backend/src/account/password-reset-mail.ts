import type { Locale } from '@demarche/shared';
import { mailBody, dateIn, type RenderedMail } from '../core/mail/mail-layout.js';

/** The password-reset message. (Layout and dates: core/mail/mail-layout.ts.) */

export function passwordResetMail(locale: Locale, p: { link: string; expiresAt: Date; timeZone: string }): RenderedMail {
  const until = dateIn(locale, p.expiresAt, p.timeZone);
  if (locale === 'es') {
    return {
      subject: 'Restablecer su contraseña de Demarche',
      ...mailBody(
        [
          'Alguien pidió restablecer la contraseña de esta cuenta de Demarche.',
          `Abra el enlace para elegir una nueva. Sirve una sola vez y vence el ${until}. Al usarlo se cerrarán todas sus sesiones.`,
        ],
        { href: p.link, label: 'Elegir una nueva contraseña' },
        'Si no lo pidió usted, ignore este mensaje: su contraseña no cambia.',
      ),
    };
  }
  return {
    subject: 'Reset your Demarche password',
    ...mailBody(
      [
        'Someone asked to reset the password of this Demarche account.',
        `Open the link to choose a new one. It works once and expires on ${until}. Using it signs you out everywhere.`,
      ],
      { href: p.link, label: 'Choose a new password' },
      'If this was not you, ignore this message: your password stays as it is.',
    ),
  };
}
