import type { Locale } from '@demarche/shared';
import { mailBody, dateIn, type RenderedMail } from '../core/mail/mail-layout.js';

/** A deadline reminder's message. (Layout and dates: core/mail/mail-layout.ts.) */

/** A deadline reminder: what, in which campaign, due when (in the recipient's zone, named). */
export function reminderMail(
  locale: Locale,
  p: {
    what: 'follow_up' | 'demand';
    title: string;
    campaignTitle: string;
    offsetDays: number;
    dueAt: Date;
    timeZone: string;
    link: string;
  },
): RenderedMail {
  const due = dateIn(locale, p.dueAt, p.timeZone);
  const n = Math.abs(p.offsetDays);
  const short = p.title.length > 80 ? `${p.title.slice(0, 77)}…` : p.title;
  if (locale === 'es') {
    const when =
      p.offsetDays > 0
        ? `vence en ${n} ${n === 1 ? 'día' : 'días'}`
        : p.offsetDays === 0
          ? 'vence ahora'
          : `venció hace ${n} ${n === 1 ? 'día' : 'días'}`;
    const thing = p.what === 'follow_up' ? 'El seguimiento' : 'La demanda';
    return {
      subject: `Recordatorio: «${short}» ${when}`,
      ...mailBody(
        [`${thing} «${p.title}» de la campaña «${p.campaignTitle}» ${when}.`, `Plazo: ${due}.`],
        { href: p.link, label: 'Abrir la campaña' },
        'Recibe este mensaje porque le corresponde este plazo en Demarche.',
      ),
    };
  }
  const when =
    p.offsetDays > 0
      ? `is due in ${n} ${n === 1 ? 'day' : 'days'}`
      : p.offsetDays === 0
        ? 'is due now'
        : `is ${n} ${n === 1 ? 'day' : 'days'} overdue`;
  const thing = p.what === 'follow_up' ? 'The follow-up' : 'The demand';
  return {
    subject: `Reminder: “${short}” ${when}`,
    ...mailBody(
      [`${thing} “${p.title}” in the campaign “${p.campaignTitle}” ${when}.`, `Deadline: ${due}.`],
      { href: p.link, label: 'Open the campaign' },
      'You receive this because this deadline is yours in Demarche.',
    ),
  };
}
