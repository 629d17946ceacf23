import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Where in a parsed log line a value occurs: `req.url`, `err.message`… (`(key)` when in a key). */
function pathsTo(value: unknown, needle: string, at = ''): string[] {
  if (typeof value === 'string') return value.includes(needle) ? [at || '(the line)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsTo(v, needle, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes(needle) ? [`${at ? `${at}.` : ''}${k} (key)`] : []),
      ...pathsTo(v, needle, at ? `${at}.${k}` : k),
    ]);
  return [];
}

const clip = (s: string, n = 400) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/**
 * The API's log, checked line by line as it is written (issue 16, item 10): every line must be
 * a JSON object, and no line may carry the value the generator planted in free text, passwords
 * and tokens. Nothing is kept but counts and the first few offending lines, so that a long run
 * does not grow the harness's memory.
 */
export class LogCheck extends Writable {
  lines = 0;
  notJson = 0;
  withMarker = 0;
  private readonly examples: { text: string; requestId?: string }[] = [];
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  /** `describe`: what the request of a request id was (op, kind, caller), if known by the end of the run. */
  constructor(
    readonly marker: string,
    private readonly describe: (requestId: string) => string | undefined = () => undefined,
    private readonly keep = 8,
  ) {
    super({ decodeStrings: false });
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.take(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    callback();
  }

  private take(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const line of parts) this.check(line);
  }

  /** Checks what is left of an unterminated last line. */
  flush(): void {
    this.take(this.decoder.end());
    if (this.partial) this.check(this.partial);
    this.partial = '';
  }

  private check(line: string): void {
    if (line.trim() === '') return;
    this.lines++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    if (!isObject) {
      this.notJson++;
      if (this.examples.length < this.keep) this.examples.push({ text: `log line ${this.lines} is not a JSON object: ${clip(line)}` });
    }
    if (line.includes(this.marker)) {
      this.withMarker++;
      if (this.examples.length < this.keep) {
        const fields = isObject ? pathsTo(parsed, this.marker).join(', ') : '(not JSON)';
        const o = (isObject ? parsed : {}) as { msg?: unknown; requestId?: unknown; req?: { id?: unknown } };
        const id = o.requestId ?? o.req?.id;
        this.examples.push({
          text: `log line ${this.lines} ("${String(o.msg ?? '')}") carries the planted value in ${fields}\n    ${clip(line)}`,
          requestId: id === undefined ? undefined : String(id),
        });
      }
    }
  }

  summary(): string {
    return `log lines: ${this.lines}; not a JSON object: ${this.notJson}; carrying the planted value (${this.marker}): ${this.withMarker}`;
  }

  /** The offending lines (the first few), or none. */
  problems(): string[] {
    if (this.notJson + this.withMarker === 0) return [];
    return [
      this.summary(),
      ...this.examples.map((e) => {
        const request = e.requestId ? this.describe(e.requestId) : undefined;
        return request ? `${e.text}\n    sent as: ${request}` : e.text;
      }),
    ];
  }
}
