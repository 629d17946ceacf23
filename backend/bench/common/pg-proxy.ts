/**
 * A PostgreSQL wire-protocol proxy that counts and records the statements its clients run:
 * the API connects through it (its DATABASE_URL names the proxy's port), the proxy forwards every
 * byte both ways unchanged, and reads the client's messages on the way:
 * - `Q` (simple query): one statement, its text;
 * - `P` (parse) keeps the text of the statement being prepared, `B` (bind) its parameters
 *   (node-postgres sends them as text), `E` (execute) counts one statement run.
 * So a benchmark can ask "how many statements did this one request run, and which?" without any
 * instrumentation in the product. Loopback only, no TLS (the bench never asks for it).
 */
import { createServer, createConnection, type Server, type Socket } from 'node:net';

export interface Statement {
  readonly sql: string;
  /** Parameters ($1…): text, or bytes when sent in binary (bytea); null for SQL NULL. */
  readonly params: readonly (string | Buffer | null)[];
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export class PgProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private recorded: Statement[] = [];
  private recording = false;

  constructor(
    private readonly target: { host: string; port: number },
    private readonly listenPort = 0,
  ) {}

  /** Starts listening on loopback; resolves to the port. */
  async start(): Promise<number> {
    this.server = createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server!.listen(this.listenPort, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('pg proxy: no port');
    return address.port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Starts recording statements, forgetting what was recorded before. */
  record(): void {
    this.recorded = [];
    this.recording = true;
  }

  /** Stops recording; the statements run since `record()`, in the order they were executed. */
  stopRecording(): Statement[] {
    this.recording = false;
    return this.recorded;
  }

  private connect(client: Socket): void {
    const server = createConnection(this.target);
    this.sockets.add(client).add(server);
    const close = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
    server.pipe(client);

    let buffer = Buffer.alloc(0);
    let startup = true;
    // Per connection: the statement prepared last (unnamed, as node-postgres does) and by name.
    const prepared = new Map<string, string>();
    let bound: Statement | undefined;
    client.on('data', (chunk: Buffer) => {
      server.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (startup) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          // After an SSL or GSS request the real startup message follows.
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
          continue;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'Q') {
          this.push({ sql: cstring(body, 0).value, params: [] });
        } else if (type === 'P') {
          const name = cstring(body, 0);
          prepared.set(name.value, cstring(body, name.next).value);
        } else if (type === 'B') {
          bound = parseBind(body, prepared);
        } else if (type === 'E') {
          if (bound) this.push(bound);
        }
      }
    });
  }

  private push(statement: Statement): void {
    if (this.recording) this.recorded.push(statement);
  }
}

function cstring(buffer: Buffer, offset: number): { value: string; next: number } {
  const end = buffer.indexOf(0, offset);
  return { value: buffer.toString('utf8', offset, end), next: end + 1 };
}

function parseBind(body: Buffer, prepared: Map<string, string>): Statement {
  const portal = cstring(body, 0);
  const statement = cstring(body, portal.next);
  let offset = statement.next;
  const formatCount = body.readInt16BE(offset);
  const formats: number[] = [];
  for (let i = 0; i < formatCount; i++) formats.push(body.readInt16BE(offset + 2 + i * 2));
  offset += 2 + formatCount * 2;
  const paramCount = body.readInt16BE(offset);
  offset += 2;
  const params: (string | Buffer | null)[] = [];
  for (let i = 0; i < paramCount; i++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    // One format code applies to all; otherwise one per parameter; none means text.
    const binary = (formatCount === 1 ? formats[0] : formats[i]) === 1;
    if (length < 0) {
      params.push(null);
    } else {
      const bytes = Buffer.from(body.subarray(offset, offset + length));
      params.push(binary ? bytes : bytes.toString('utf8'));
      offset += length;
    }
  }
  return { sql: prepared.get(statement.value) ?? '', params };
}
