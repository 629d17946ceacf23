import type { Locale } from '@demarche/shared';

/**
 * The e-mails Demarche sends, in the recipient's language. Each carries a link and nothing
 * secret: no password, no session or API token.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function render(paragraphs: string[], link: { href: string; label: string }, footer: string): Omit<RenderedMail, 'subject'> {
  const text = [...paragraphs, `${link.label}: ${link.href}`, footer].join('\n\n') + '\n';
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` +
    `<p style="color:#555;font-size:0.9em">${escapeHtml(footer)}</p></body></html>`;
  return { text, html };
}

const dateIn = (locale: Locale, date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);

export function invitationMail(
  locale: Locale,
  p: { inviterName: string; organizationName: string; roleLabel: string; link: string; expiresAt: Date; timeZone: string },
): RenderedMail {
  const until = dateIn(locale, p.expiresAt, p.timeZone);
  if (locale === 'es') {
    return {
      subject: `Invitación a Demarche (${p.organizationName})`,
      ...render(
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
    ...render(
      [
        `${p.inviterName} invites you to join Demarche as ${p.roleLabel} of ${p.organizationName}.`,
        `Open the link to choose your password. It works once and expires on ${until}.`,
      ],
      { href: p.link, label: 'Accept the invitation' },
      'If you did not expect this invitation, ignore this message.',
    ),
  };
}

export function passwordResetMail(locale: Locale, p: { link: string; expiresAt: Date; timeZone: string }): RenderedMail {
  const until = dateIn(locale, p.expiresAt, p.timeZone);
  if (locale === 'es') {
    return {
      subject: 'Restablecer su contraseña de Demarche',
      ...render(
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
    ...render(
      [
        'Someone asked to reset the password of this Demarche account.',
        `Open the link to choose a new one. It works once and expires on ${until}. Using it signs you out everywhere.`,
      ],
      { href: p.link, label: 'Choose a new password' },
      'If this was not you, ignore this message: your password stays as it is.',
    ),
  };
}

const ROLE_LABELS: Record<Locale, Record<string, string>> = {
  en: { admin: 'an administrator', coordinator: 'a coordinator', member: 'a member', observer: 'an observer' },
  es: { admin: 'administrador/a', coordinator: 'coordinador/a', member: 'miembro', observer: 'observador/a' },
};

export const roleLabel = (locale: Locale, role: string): string => ROLE_LABELS[locale][role] ?? role;

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
      ...render(
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
    ...render(
      [`${thing} “${p.title}” in the campaign “${p.campaignTitle}” ${when}.`, `Deadline: ${due}.`],
      { href: p.link, label: 'Open the campaign' },
      'You receive this because this deadline is yours in Demarche.',
    ),
  };
}

/** To the coordinators: a demand's deadline passed with no response; it is now `no_response`. */
export function noResponseMail(
  locale: Locale,
  p: { demandText: string; officeTitle: string; campaignTitle: string; dueAt: Date; timeZone: string; link: string },
): RenderedMail {
  const due = dateIn(locale, p.dueAt, p.timeZone);
  const short = p.demandText.length > 80 ? `${p.demandText.slice(0, 77)}…` : p.demandText;
  if (locale === 'es') {
    return {
      subject: `Sin respuesta: «${short}»`,
      ...render(
        [
          `El plazo de la demanda «${p.demandText}» dirigida a ${p.officeTitle} (campaña «${p.campaignTitle}») venció el ${due} sin respuesta.`,
          'Su estado pasó a «sin respuesta».',
        ],
        { href: p.link, label: 'Abrir la campaña' },
        'Recibe este mensaje porque coordina esta campaña en Demarche.',
      ),
    };
  }
  return {
    subject: `No response: “${short}”`,
    ...render(
      [
        `The deadline of the demand “${p.demandText}” to ${p.officeTitle} (campaign “${p.campaignTitle}”) passed on ${due} with no response.`,
        'Its status is now “no response”.',
      ],
      { href: p.link, label: 'Open the campaign' },
      'You receive this because you coordinate this campaign in Demarche.',
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
      ...render(
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
    ...render(
      [
        `The follow-up “${p.title}” assigned to ${p.organizationName} in the campaign “${p.campaignTitle}” was due on ${due} and is still open.`,
      ],
      { href: p.link, label: 'Open the campaign' },
      'You receive this because you coordinate this campaign in Demarche.',
    ),
  };
}
