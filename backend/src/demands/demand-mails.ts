import type { DemandStatus, Locale } from '@demarche/shared';
import { mailBody, dateIn, clip, PREFERENCES_FOOTER, type RenderedMail } from '../core/mail/mail-layout.js';

/** What people hear of demands: a deadline passed without an answer, a status moved. (Layout and dates: core/mail/mail-layout.ts.) */

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
      ...mailBody(
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
    ...mailBody(
      [
        `The deadline of the demand “${p.demandText}” to ${p.officeTitle} (campaign “${p.campaignTitle}”) passed on ${due} with no response.`,
        'Its status is now “no response”.',
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

export const statusLabel = (locale: Locale, status: DemandStatus): string => STATUS_LABELS[locale][status] ?? status;

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
      ...mailBody(
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
    ...mailBody(
      [
        `The demand “${p.demandText}” to ${p.officeTitle} (campaign “${p.campaignTitle}”) moved from “${from}” to “${to}”.`,
        ...(p.note ? [p.note] : []),
      ],
      { href: p.link, label: 'Open the demand' },
      PREFERENCES_FOOTER.en,
    ),
  };
}
