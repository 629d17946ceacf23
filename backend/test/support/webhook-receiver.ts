import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown> & { id: string; event: string; text: string; data: Record<string, unknown> };
}

/**
 * A real HTTP server on loopback that keeps every POST it receives. Each path answers with the
 * status set for it (default 204), so one receiver can play a healthy and a broken endpoint.
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  private readonly statusByPath = new Map<string, number>();
  private server: Server | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: ReceivedHook['json'];
        try {
          json = JSON.parse(body) as ReceivedHook['json'];
        } catch {
          json = { id: '', event: '', text: '', data: {} };
        }
        this.received.push({ path: req.url ?? '/', headers: req.headers, body, json });
        res.statusCode = this.statusByPath.get(req.url ?? '/') ?? 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answer(path: string, status: number): void {
    this.statusByPath.set(path, status);
  }

  at(path: string): ReceivedHook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Waits until a received hook matches, up to `timeoutMs`. */
  async waitFor(predicate: (r: ReceivedHook) => boolean, timeoutMs = 15_000): Promise<ReceivedHook> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching webhook within ${timeoutMs} ms (got ${this.received.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
