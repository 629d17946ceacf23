import { SMTPServer } from 'smtp-server';

export interface Arrival {
  /** The message's Message-ID header, angle brackets included ("" when it has none). */
  messageId: string;
  /** Date.now() when the end of its DATA arrived: when the relay holds the whole message. */
  at: number;
}

/**
 * The stand-in for the outgoing mail relay, on loopback: accepts everything, keeps only each
 * message's Message-ID and arrival instant (no MIME parsing, no reverse DNS: the sink must cost
 * as little as possible, since it shares the machine with what it measures), and counts SMTP
 * connections (how many messages each one carried tells whether the sender reuses them).
 */
export class LightSmtpSink {
  readonly arrivals: Arrival[] = [];
  connections = 0;
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      maxClients: 1_000,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const at = Date.now();
          const raw = Buffer.concat(chunks).toString('latin1');
          const headerEnd = raw.indexOf('\r\n\r\n');
          const head = headerEnd >= 0 ? raw.slice(0, headerEnd) : raw;
          const messageId = /^message-id:\s*(<[^>\r\n]*>)/im.exec(head)?.[1] ?? '';
          this.arrivals.push({ messageId, at });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', resolve);
    });
    // A sender going away mid-conversation is no failure of the sink's.
    this.server.on('error', () => undefined);
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
