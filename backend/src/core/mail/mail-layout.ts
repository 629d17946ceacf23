import type { Locale } from '@demarche/shared';

/**
 * The machinery of Demarche's e-mails: the layout every message shares (paragraphs, one link, a
 * footer; text and HTML), dates in the reader's language and zone. The messages themselves live
 * beside the features that send them (invitations/invitation-mail.ts, demands/demand-mails.ts…).
 * Each carries a link and nothing secret: no password, no session or API token.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The text and HTML of a message: its paragraphs, its one link, a footer (HTML-escaped). */
export function mailBody(paragraphs: string[], link: { href: string; label: string }, footer: string): Omit<RenderedMail, 'subject'> {
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

export const dateIn = (locale: Locale, date: Date, timeZone: string): string => {
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

export const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const PREFERENCES_FOOTER: Record<Locale, string> = {
  en: 'Choose what you are told, and how, in Demarche under Notifications → Preferences.',
  es: 'Elija qué se le notifica, y cómo, en Demarche: Notificaciones → Preferencias.',
};
