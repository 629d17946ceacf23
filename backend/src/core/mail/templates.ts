import type { CampaignRole, DemandStatus, Locale, ResponseAssessment } from '@demarche/shared';

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

/** One formatter per language and zone: building one costs more than the formatting (5% of a
 * worker's CPU in a burst of reminders, docs/performance.md). */
const formatters = new Map<string, Intl.DateTimeFormat>();

const dateIn = (locale: Locale, date: Date, timeZone: string): string => {
  const key = `${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-GB', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(key, format);
  }
  return format.format(date);
};

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

const STATUS_LABELS: Record<Locale, Record<DemandStatus, string>> = {
  en: {
    draft: 'draft',
    sent: 'sent',
    acknowledged: 'acknowledged',
    under_consideration: 'under consideration',
    partially_met: 'partially met',
    met: 'met',
    rejected: 'rejected',
    no_response: 'no response',
    withdrawn: 'withdrawn',
  },
  es: {
    draft: 'borrador',
    sent: 'enviada',
    acknowledged: 'acusado recibo',
    under_consideration: 'en consideración',
    partially_met: 'cumplida en parte',
    met: 'cumplida',
    rejected: 'rechazada',
    no_response: 'sin respuesta',
    withdrawn: 'retirada',
  },
};

const ASSESSMENT_LABELS: Record<Locale, Record<ResponseAssessment, string>> = {
  en: { positive: 'positive', partial: 'partial', negative: 'negative', non_committal: 'non-committal' },
  es: { positive: 'positiva', partial: 'parcial', negative: 'negativa', non_committal: 'sin compromiso' },
};

export const statusLabel = (locale: Locale, status: DemandStatus): string => STATUS_LABELS[locale][status] ?? status;

const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const PREFERENCES_FOOTER: Record<Locale, string> = {
  en: 'Choose what you are told, and how, in Demarche under Notifications → Preferences.',
  es: 'Elija qué se le notifica, y cómo, en Demarche: Notificaciones → Preferencias.',
};

/** To the people of an organization: a follow-up is now theirs. */
export function assignmentMail(
  locale: Locale,
  p: { title: string; assignedBy: string; campaignTitle: string; dueAt: Date; timeZone: string; link: string },
): RenderedMail {
  const due = dateIn(locale, p.dueAt, p.timeZone);
  if (locale === 'es') {
    return {
      subject: `Nuevo seguimiento: «${clip(p.title)}»`,
      ...render(
        [`${p.assignedBy} le asignó el seguimiento «${p.title}» en la campaña «${p.campaignTitle}».`, `Plazo: ${due}.`],
        { href: p.link, label: 'Abrir la campaña' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `New follow-up: “${clip(p.title)}”`,
    ...render(
      [`${p.assignedBy} assigned you the follow-up “${p.title}” in the campaign “${p.campaignTitle}”.`, `Deadline: ${due}.`],
      { href: p.link, label: 'Open the campaign' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

/** To the organizations following a demand: an office answered it. */
export function responseMail(
  locale: Locale,
  p: { institutionName: string; assessment: ResponseAssessment; summary: string; demandCount: number; campaignTitle: string; link: string },
): RenderedMail {
  const assessment = ASSESSMENT_LABELS[locale][p.assessment];
  if (locale === 'es') {
    return {
      subject: `Respuesta de ${p.institutionName} (${assessment})`,
      ...render(
        [
          `${p.institutionName} respondió a ${p.demandCount === 1 ? 'una demanda' : `${p.demandCount} demandas`} de la campaña «${p.campaignTitle}». Valoración: ${assessment}.`,
          p.summary,
        ],
        { href: p.link, label: 'Ver la respuesta' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `Response from ${p.institutionName} (${assessment})`,
    ...render(
      [
        `${p.institutionName} answered ${p.demandCount === 1 ? 'a demand' : `${p.demandCount} demands`} of the campaign “${p.campaignTitle}”. Assessment: ${assessment}.`,
        p.summary,
      ],
      { href: p.link, label: 'See the response' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

/** To the organizations following a demand: its status moved. */
export function statusChangeMail(
  locale: Locale,
  p: {
    demandText: string;
    officeTitle: string;
    from: DemandStatus;
    to: DemandStatus;
    note: string | null;
    campaignTitle: string;
    link: string;
  },
): RenderedMail {
  const from = statusLabel(locale, p.from);
  const to = statusLabel(locale, p.to);
  if (locale === 'es') {
    return {
      subject: `«${clip(p.demandText, 60)}»: ${to}`,
      ...render(
        [
          `La demanda «${p.demandText}» dirigida a ${p.officeTitle} (campaña «${p.campaignTitle}») pasó de «${from}» a «${to}».`,
          ...(p.note ? [p.note] : []),
        ],
        { href: p.link, label: 'Abrir la demanda' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `“${clip(p.demandText, 60)}”: ${to}`,
    ...render(
      [
        `The demand “${p.demandText}” to ${p.officeTitle} (campaign “${p.campaignTitle}”) moved from “${from}” to “${to}”.`,
        ...(p.note ? [p.note] : []),
      ],
      { href: p.link, label: 'Open the demand' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

/** One e-mail a day, at 08:00 local time, with what the person chose to receive as a digest. */
export function digestMail(locale: Locale, p: { date: string; items: { subject: string; link: string }[]; link: string }): RenderedMail {
  const lines = p.items.map((i) => `• ${i.subject} — ${i.link}`);
  if (locale === 'es') {
    return {
      subject: `Demarche: resumen del ${p.date} (${p.items.length})`,
      ...render(
        [`${p.items.length === 1 ? 'Una novedad' : `${p.items.length} novedades`} desde el último resumen:`, ...lines],
        { href: p.link, label: 'Abrir las notificaciones' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `Demarche: your digest for ${p.date} (${p.items.length})`,
    ...render(
      [`${p.items.length === 1 ? 'One update' : `${p.items.length} updates`} since your last digest:`, ...lines],
      { href: p.link, label: 'Open your notifications' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

const CAMPAIGN_ROLE_LABELS: Record<Locale, Record<CampaignRole, string>> = {
  en: { lead: 'a lead organization', signatory: 'a signatory' },
  es: { lead: 'organización coordinadora', signatory: 'firmante' },
};

/** To the coordinators of an organization: another organization invites it to join a campaign. */
export function campaignInvitationMail(
  locale: Locale,
  p: { invitedBy: string; organizationName: string; campaignTitle: string; role: CampaignRole; link: string },
): RenderedMail {
  const role = CAMPAIGN_ROLE_LABELS[locale][p.role];
  if (locale === 'es') {
    return {
      subject: `Invitación a la campaña «${clip(p.campaignTitle, 60)}»`,
      ...render(
        [
          `${p.invitedBy} invita a ${p.organizationName} a unirse a la campaña «${p.campaignTitle}» como ${role}.`,
          'Hasta que la acepte, quien invita solo ve el nombre de su organización. Acepte o rechace la invitación en la página de inicio de Demarche.',
        ],
        { href: p.link, label: 'Ver la invitación' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `Invitation to the campaign “${clip(p.campaignTitle, 60)}”`,
    ...render(
      [
        `${p.invitedBy} invites ${p.organizationName} to join the campaign “${p.campaignTitle}” as ${role}.`,
        'Until you accept, the inviters see only your organization’s name. Accept or decline the invitation on your Demarche home page.',
      ],
      { href: p.link, label: 'See the invitation' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

/** To the coordinator who sent an invitation: the invited organization accepted or declined it. */
export function campaignInvitationAnswerMail(
  locale: Locale,
  p: { organizationName: string; campaignTitle: string; accepted: boolean; link: string },
): RenderedMail {
  if (locale === 'es') {
    const verb = p.accepted ? 'aceptó' : 'rechazó';
    return {
      subject: `${p.organizationName} ${verb} la invitación a «${clip(p.campaignTitle, 60)}»`,
      ...render(
        [
          `${p.organizationName} ${verb} su invitación a la campaña «${p.campaignTitle}».`,
          ...(p.accepted ? ['Ya forma parte de la campaña.'] : []),
        ],
        { href: p.link, label: 'Abrir la campaña' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  const verb = p.accepted ? 'accepted' : 'declined';
  return {
    subject: `${p.organizationName} ${verb} the invitation to “${clip(p.campaignTitle, 60)}”`,
    ...render(
      [
        `${p.organizationName} ${verb} your invitation to the campaign “${p.campaignTitle}”.`,
        ...(p.accepted ? ['It is now part of the campaign.'] : []),
      ],
      { href: p.link, label: 'Open the campaign' },
      PREFERENCES_FOOTER.en,
    ),
  };
}
