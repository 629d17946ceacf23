import { afterEach, describe, expect, it } from 'vitest';
import { Mailer } from '../src/core/mail/mailer.js';
import { SmtpSink } from './support/smtp-sink.js';
import { testConfig } from './support/test-app.js';

/** Opening the SMTP pool's connections ahead of a burst, against a real SMTP server on loopback. */
describe('Mailer.warm', () => {
  const closing: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });
  async function setUp(query = ''): Promise<{ sink: SmtpSink; mailer: Mailer }> {
    const sink = await new SmtpSink().start();
    closing.push(() => sink.stop());
    const mailer = new Mailer(testConfig({ SMTP_URL: `${sink.url}${query}` }));
    closing.push(() => mailer.onModuleDestroy());
    return { sink, mailer };
  }
  const message = (i: number) => ({
    to: `person-${i}@example.org`,
    subject: `Reminder ${i}`,
    text: 'Due soon.',
    html: '<p>Due soon.</p>',
    messageId: `<w${i}@test>`,
  });
  const settled = async (sink: SmtpSink, open: number) => {
    for (let i = 0; i < 100 && sink.connectionsOpen !== open; i++) await new Promise((r) => setTimeout(r, 20));
    return sink.connectionsOpen;
  };

  it('opens connections that the next messages use, sending nothing itself', async () => {
    const { sink, mailer } = await setUp();
    expect(await mailer.warm(3)).toBe(3);
    expect(sink.connectionsOpened).toBe(3);
    expect(await settled(sink, 3)).toBe(3);
    expect(sink.messages).toEqual([]);

    await Promise.all([0, 1, 2].map((i) => mailer.send(message(i))));
    expect(sink.messages.map((m) => m.subject).sort()).toEqual(['Reminder 0', 'Reminder 1', 'Reminder 2']);
    expect(sink.connectionsOpened).toBe(3); // the three messages went over the open connections
  });

  it('opens only what is missing, and no more than the pool may hold', async () => {
    const { sink, mailer } = await setUp('?maxConnections=4');
    expect(await mailer.warm(2)).toBe(2);
    expect(await mailer.warm(2)).toBe(0);
    expect(await mailer.warm(10)).toBe(2);
    expect(sink.connectionsOpened).toBe(4);
    expect(await settled(sink, 4)).toBe(4);
  });

  it('gives up quietly when the server is not there, and the next message still reports it', async () => {
    const { sink, mailer } = await setUp();
    await sink.stop();
    expect(await mailer.warm(3)).toBe(0);
    await expect(mailer.send(message(9))).rejects.toThrow(/ECONNREFUSED|connect/i);
  });

  it('does nothing without SMTP_URL (mail is logged) or without a pool', async () => {
    const logged = new Mailer(testConfig({ SMTP_URL: undefined }));
    expect(await logged.warm(3)).toBe(0);
    const { sink, mailer } = await setUp('?pool=false');
    expect(await mailer.warm(3)).toBe(0);
    expect(sink.connectionsOpened).toBe(0);
  });
});
