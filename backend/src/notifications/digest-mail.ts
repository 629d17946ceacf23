import type { Locale } from '@demarche/shared';
import { mailBody, PREFERENCES_FOOTER, type RenderedMail } from '../core/mail/mail-layout.js';

/** The daily digest. (Layout and dates: core/mail/mail-layout.ts.) */

/** One e-mail a day, at 08:00 local time, with what the person chose to receive as a digest. */
export function digestMail(locale: Locale, p: { date: string; items: { subject: string; link: string }[]; link: string }): RenderedMail {
  const lines = p.items.map((i) => `• ${i.subject} — ${i.link}`);
  if (locale === 'es') {
    return {
      subject: `Demarche: resumen del ${p.date} (${p.items.length})`,
      ...mailBody(
        [`${p.items.length === 1 ? 'Una novedad' : `${p.items.length} novedades`} desde el último resumen:`, ...lines],
        { href: p.link, label: 'Abrir las notificaciones' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `Demarche: your digest for ${p.date} (${p.items.length})`,
    ...mailBody(
      [`${p.items.length === 1 ? 'One update' : `${p.items.length} updates`} since your last digest:`, ...lines],
      { href: p.link, label: 'Open your notifications' },
      PREFERENCES_FOOTER.en,
    ),
  };
}
