import { createServer, type Server, type Socket } from 'node:net';

export interface Arrival {
  /** The message's Message-ID header, angle brackets included ("" when it has none). */
  messageId: string;
  /** Date.now() when the end of its DATA arrived: when the relay holds the whole message. */
  at: number;
}

/**
 * The stand-in for the outgoing mail relay, on loopback: a minimal SMTP server (RFC 5321's
 * commands a sender needs, and PIPELINING, RFC 2920, as Postfix, Exim and the hosted relays
 * advertise by default) that accepts everything, keeps only each message's
 * Message-ID and arrival instant, and counts connections (how many messages each one carried
 * tells whether the sender reuses them). It must cost as little as possible, since it shares
 * the machine with what it measures, and answer at once: the `smtp-server` package, used before,
 * greets a new connection only after a fixed 100 ms (its "early talker" check), and that pause
 * was most of the lateness of the first deliveries of a burst, each opening its connection
 * (docs/performance.md, reminder punctuality).
 */
export class LightSmtpSink {
  /**
   * `pipelining`: advertise PIPELINING (the default, as real relays do: the sender then writes a
   * message's envelope and DATA without waiting for each reply). Off, every command waits for its
   * reply — a relay without the extension.
   */
  constructor(private readonly options: { pipelining: boolean } = { pipelining: true }) {}

  readonly arrivals: Arrival[] = [];
  connections = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((socket) => this.converse(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private converse(socket: Socket): void {
    this.connections++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    // A sender going away mid-conversation is no failure of the sink's.
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
    socket.write('220 sink ESMTP\r\n');
    let pending = '';
    let data: string[] | null = null; // the message's lines while in DATA
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let end: number;
      const replies: string[] = [];
      while ((end = pending.indexOf('\r\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (data) {
          if (line !== '.') {
            data.push(line);
            continue;
          }
          this.arrivals.push({ messageId: messageIdOf(data), at: Date.now() });
          data = null;
          replies.push('250 2.0.0 accepted');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'DATA') {
          data = [];
          replies.push('354 go ahead');
        } else if (verb === 'QUIT') {
          socket.end('221 2.0.0 bye\r\n');
          return;
        } else if (verb === 'EHLO' || verb === 'HELO' || verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') {
          replies.push(
            verb === 'EHLO' && this.options.pipelining
              ? '250-sink\r\n250 PIPELINING'
              : verb === 'EHLO' || verb === 'HELO'
                ? '250 sink'
                : '250 2.0.0 ok',
          );
        } else {
          replies.push('502 5.5.2 not implemented');
        }
      }
      if (replies.length > 0) socket.write(replies.map((r) => `${r}\r\n`).join(''));
    });
  }
}

/**
 * The Message-ID header among a message's lines (headers end at the first empty line; a header
 * continues on the lines that start with white space, as nodemailer folds a long Message-ID).
 */
function messageIdOf(lines: string[]): string {
  for (let i = 0; i < lines.length && lines[i] !== ''; i++) {
    if (!/^message-id:/i.test(lines[i]!)) continue;
    let header = lines[i]!;
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]!)) header += lines[++i];
    return /^message-id:\s*(<[^>]*>)/i.exec(header)?.[1] ?? '';
  }
  return '';
}
