import type { Locale, ResponseAssessment } from '@demarche/shared';
import { mailBody, PREFERENCES_FOOTER, type RenderedMail } from '../core/mail/mail-layout.js';

/** A body answered. (Layout and dates: core/mail/mail-layout.ts.) */

const ASSESSMENT_LABELS: Record<Locale, Record<ResponseAssessment, string>> = {
  en: { positive: 'positive', partial: 'partial', negative: 'negative', non_committal: 'non-committal' },
  es: { positive: 'positiva', partial: 'parcial', negative: 'negativa', non_committal: 'sin compromiso' },
};

/** To the organizations following a demand: an office answered it. */
export function responseMail(
  locale: Locale,
  p: { institutionName: string; assessment: ResponseAssessment; summary: string; demandCount: number; campaignTitle: string; link: string },
): RenderedMail {
  const assessment = ASSESSMENT_LABELS[locale][p.assessment];
  if (locale === 'es') {
    return {
      subject: `Respuesta de ${p.institutionName} (${assessment})`,
      ...mailBody(
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
    ...mailBody(
      [
        `${p.institutionName} answered ${p.demandCount === 1 ? 'a demand' : `${p.demandCount} demands`} of the campaign “${p.campaignTitle}”. Assessment: ${assessment}.`,
        p.summary,
      ],
      { href: p.link, label: 'See the response' },
      PREFERENCES_FOOTER.en,
    ),
  };
}
