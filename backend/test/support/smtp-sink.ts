import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export class SmtpSink {
  readonly messages: (ParsedMail & { raw: string })[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /**
   * While true, each message is kept as soon as its DATA has arrived, but the server's reply to
   * it is held back until `releaseData()`: the sender is stuck mid-delivery, as with a slow
   * relay, and a sender killed then never learns that the message got through.
   */
  stallData = false;
  private readonly heldReplies: (() => void)[] = [];
  /**
   * Recipients this server refuses, with the SMTP answer (550: permanent, 451: temporary); a
   * refusal with `times` is given that many times, then the address is accepted.
   */
  readonly refuse = new Map<string, { code: number; message: string; times?: number }>();
  /** SMTP connections opened to this server so far, and how many are open now. */
  connectionsOpened = 0;
  connectionsOpen = 0;

  /** Stops stalling, and sends every reply held back so far (to senders still connected). */
  releaseData(): void {
    this.stallData = false;
    for (const reply of this.heldReplies.splice(0)) reply();
  }

  /** Listens on `port` (0: a free one); after `stop()`, may start again, e.g. on the same port. */
  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connectionsOpened++;
        this.connectionsOpen++;
        callback();
      },
      onClose: () => {
        this.connectionsOpen--;
      },
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refuse.get(address.address.toLowerCase());
        if (!refusal) return callback();
        if (refusal.times !== undefined && --refusal.times <= 0) this.refuse.delete(address.address.toLowerCase());
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push(Object.assign(parsed, { raw }));
              if (this.stallData) this.heldReplies.push(() => callback());
              else callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject); // e.g. the port is taken
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    // A sender that dies mid-message (a killed worker) resets its connection: the server reports
    // it as an error, which is no failure of the sink's.
    this.server.on('error', () => undefined);
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
    for (const reply of this.heldReplies.splice(0)) reply();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

/** The token in an e-mailed link (`…#token=XYZ`). */
export function linkToken(mail: ParsedMail): string {
  const match = /#token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link token in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}
