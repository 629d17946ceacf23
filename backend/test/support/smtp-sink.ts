import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export class SmtpSink {
  readonly messages: (ParsedMail & { raw: string })[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push(Object.assign(parsed, { raw }));
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for the first message to `to` (matching `predicate`), up to `timeoutMs`. */
  async waitFor(to: string, predicate: (m: ParsedMail) => boolean = () => true, timeoutMs = 15_000): Promise<ParsedMail & { raw: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => m.to && JSON.stringify(m.to).includes(to) && predicate(m));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within ${timeoutMs} ms (got ${this.messages.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  to(address: string): (ParsedMail & { raw: string })[] {
    return this.messages.filter((m) => JSON.stringify(m.to).includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The token in an e-mailed link (`…#token=XYZ`). */
export function linkToken(mail: ParsedMail): string {
  const match = /#token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link token in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}
