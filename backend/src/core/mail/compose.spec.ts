import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMessage } from './compose.js';

const message = {
  to: 'ana@example.org',
  subject: 'Recordatorio: «Brief the delegation» vence en 7 días',
  text: 'Hola Ana,\n\nEl seguimiento «Brief the delegation» vence el 14 de diciembre.\n',
  html: '<p>Hola Ana,</p><p>El seguimiento «Brief the delegation» vence el 14 de diciembre.</p>',
  messageId: '<reminder-0123456789abcdef@demarche.test>',
};

describe('composeMessage', () => {
  it('builds a message any mail client reads back as written: subject, both parts, Message-ID, date, sender', async () => {
    const raw = composeMessage('Demarche <no-reply@demarche.test>', message, new Date('2026-12-07T16:10:31.000Z'));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toBe(message.text);
    expect(parsed.html).toBe(message.html);
    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.date?.toISOString()).toBe('2026-12-07T16:10:31.000Z');
    expect(parsed.from?.value).toEqual([{ name: 'Demarche', address: 'no-reply@demarche.test' }]);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([{ name: '', address: 'ana@example.org' }]);
    expect(raw.toString('latin1')).toContain('Date: Mon, 07 Dec 2026 16:10:31 +0000\r\n');
  });

  it('keeps every line within SMTP limits, whatever the text: 7-bit, CRLF, no line over 78 characters', async () => {
    // A demand's whole text can be a reminder's subject; bodies are long letters.
    const long = {
      ...message,
      subject: `Recordatorio: «${'Liberación inmediata de las personas detenidas '.repeat(30)}»`,
      text: 'ñ'.repeat(5_000),
      html: `<p>${'é'.repeat(5_000)}</p>`,
    };
    const raw = composeMessage('Démarche, coalición <no-reply@demarche.test>', long);
    const lines = raw.toString('latin1').split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(long.subject);
    expect(parsed.text).toBe(long.text);
    expect(parsed.html).toBe(long.html);
    expect(parsed.from?.value).toEqual([{ name: 'Démarche, coalición', address: 'no-reply@demarche.test' }]);
  });

  it('quotes a plain sender name that holds special characters, and refuses a sender that is no address', async () => {
    const parsed = await simpleParser(composeMessage('"Coalition (UN), Geneva" <no-reply@demarche.test>', message));
    expect(parsed.from?.value).toEqual([{ name: 'Coalition (UN), Geneva', address: 'no-reply@demarche.test' }]);
    expect(() => composeMessage('not an address', message)).toThrow(/not an e-mail address/);
  });
});
