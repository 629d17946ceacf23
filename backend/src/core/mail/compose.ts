import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords } from 'nodemailer/lib/mime-funcs';
import type { MailMessage } from '../queue/queues.js';

/**
 * The message as the relay receives it: headers, then a `multipart/alternative` of the text and
 * the HTML, each UTF-8 in base64 — the one shape every Demarche e-mail has. Built as one string,
 * it goes out in one socket write. nodemailer's MailComposer built it through a tree of streams:
 * about 17% of a reminders worker's busy time in the benchmark, and its writes as many again
 * (docs/performance.md). nodemailer's own encoders still do the encoding (RFC 2047 words for a
 * subject or sender name that is not plain ASCII); headers are folded at 76 characters.
 */
export function composeMessage(from: string, m: MailMessage, now = new Date()): Buffer {
  const boundary = `----demarche-${randomBytes(12).toString('hex')}`;
  const head = [
    header('Content-Type', `multipart/alternative; boundary="${boundary}"`),
    header('From', formatAddress(from)),
    header('To', formatAddress(m.to)),
    header('Subject', encodeWords(m.subject, 'Q', 52)),
    header('Message-ID', m.messageId),
    header('Date', rfc5322Date(now)),
    'MIME-Version: 1.0',
  ].join('\r\n');
  const part = (type: string, content: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(content)}\r\n`;
  return Buffer.from(`${head}\r\n\r\n${part('text/plain', m.text)}${part('text/html', m.html)}--${boundary}--\r\n`, 'utf8');
}

/**
 * `Name: value`, folded at the value's spaces so that no line passes 76 characters where it can
 * be helped (a longer single word stays whole; the limit that binds is 998): each continuation
 * line starts with the space it was folded at, so unfolding gives the value back.
 */
function header(name: string, value: string): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > 76 && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** An address header's value: `Name <address>`, the name quoted or encoded as it needs. */
function formatAddress(value: string): string {
  const [parsed] = addressparser(value, { flatten: true });
  if (!parsed?.address) throw new Error(`not an e-mail address: ${value}`);
  const name = parsed.name.trim();
  if (!name) return parsed.address;
  const shown = /^[\x20-\x7e]*$/.test(name)
    ? /[()<>[\]:;@\\,."]/.test(name)
      ? `"${name.replace(/(["\\])/g, '\\$1')}"`
      : name
    : encodeWords(name, 'Q', 52, true);
  return `${shown} <${parsed.address}>`;
}

const base64Lines = (text: string): string =>
  Buffer.from(text, 'utf8')
    .toString('base64')
    .replace(/.{76}(?=.)/g, '$&\r\n');

/** `Mon, 07 Dec 2026 16:10:31 +0000` (RFC 5322, section 3.3): `toUTCString` with a numeric zone. */
const rfc5322Date = (d: Date): string => d.toUTCString().replace('GMT', '+0000');
