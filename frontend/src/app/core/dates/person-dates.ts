import { inject } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { Session } from '../session/session';
import { formatDay, formatInstant } from './dates';

/**
 * Dates for the signed-in person: instants in their time zone (named), calendar days as they are.
 * Call in an injection context; the functions read the locale signal, so views update on a switch.
 */
export function personDates() {
  const i18n = inject(I18n);
  const session = inject(Session);
  const zone = () => session.user()?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    zone,
    /** E.g. "30 Apr 2025, 23:59 GMT-3" in the person's zone. */
    instant: (iso: string) => formatInstant(iso, i18n.locale(), zone()),
    /** A calendar day `YYYY-MM-DD`, e.g. "29 Apr 2025" (no zone: it is a day, not an instant). */
    day: (day: string) => formatDay(day, i18n.locale()),
    percent: (rate: number) => percentFormat(i18n.locale()).format(rate),
  };
}

/** One formatter per locale: making one costs far more than formatting with it. */
const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFormat(locale: string): Intl.NumberFormat {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(locale, format);
  }
  return format;
}
