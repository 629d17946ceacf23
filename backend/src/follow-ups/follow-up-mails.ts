import type { Locale } from '@demarche/shared';
import { mailBody, dateIn, clip, PREFERENCES_FOOTER, type RenderedMail } from '../core/mail/mail-layout.js';

/** What people hear of follow-ups: one assigned, one overdue (escalation). (Layout and dates: core/mail/mail-layout.ts.) */

/** To the people of an organization: a follow-up is now theirs. */
export function assignmentMail(
  locale: Locale,
  p: { title: string; assignedBy: string; campaignTitle: string; dueAt: Date; timeZone: string; link: string },
): RenderedMail {
  const due = dateIn(locale, p.dueAt, p.timeZone);
  if (locale === 'es') {
    return {
      subject: `Nuevo seguimiento: «${clip(p.title)}»`,
      ...mailBody(
        [`${p.assignedBy} le asignó el seguimiento «${p.title}» en la campaña «${p.campaignTitle}».`, `Plazo: ${due}.`],
        { href: p.link, label: 'Abrir la campaña' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `New follow-up: “${clip(p.title)}”`,
    ...mailBody(
      [`${p.assignedBy} assigned you the follow-up “${p.title}” in the campaign “${p.campaignTitle}”.`, `Deadline: ${due}.`],
      { href: p.link, label: 'Open the campaign' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

/** To the coordinators: a follow-up is overdue by the campaign's escalation delay (or a multiple). */
export function escalationMail(
  locale: Locale,
  p: { title: string; organizationName: string; campaignTitle: string; overdueDays: number; dueAt: Date; timeZone: string; link: string },
): RenderedMail {
  const due = dateIn(locale, p.dueAt, p.timeZone);
  const short = p.title.length > 80 ? `${p.title.slice(0, 77)}…` : p.title;
  if (locale === 'es') {
    return {
      subject: `Atrasado ${p.overdueDays} días: «${short}» (${p.organizationName})`,
      ...mailBody(
        [
          `El seguimiento «${p.title}» asignado a ${p.organizationName} en la campaña «${p.campaignTitle}» venció el ${due} y sigue abierto.`,
        ],
        { href: p.link, label: 'Abrir la campaña' },
        'Recibe este mensaje porque coordina esta campaña en Demarche.',
      ),
    };
  }
  return {
    subject: `Overdue ${p.overdueDays} days: “${short}” (${p.organizationName})`,
    ...mailBody(
      [
        `The follow-up “${p.title}” assigned to ${p.organizationName} in the campaign “${p.campaignTitle}” was due on ${due} and is still open.`,
      ],
      { href: p.link, label: 'Open the campaign' },
      'You receive this because you coordinate this campaign in Demarche.',
    ),
  };
}
