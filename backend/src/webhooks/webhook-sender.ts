import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveTarget, signature } from './webhook-target.js';

export interface WebhookResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export const WEBHOOK_HEADERS = {
  event: 'x-demarche-event',
  delivery: 'x-demarche-delivery',
  timestamp: 'x-demarche-timestamp',
  signature: 'x-demarche-signature',
} as const;

/**
 * POSTs one delivery: JSON, signed, to the address checked a moment before (the connection's
 * DNS lookup is pinned to it). Any 2xx is success; anything else — a status, a timeout, a refused
 * connection, a target that became private — is a failure to retry. Never follows redirects.
 */
export async function postWebhook(
  target: { url: string; secret: string },
  delivery: { id: string; event: string; body: string },
  options: { allowPrivate: boolean; timeoutMs: number; now?: Date },
): Promise<WebhookResult> {
  let resolved;
  try {
    resolved = await resolveTarget(target.url, options.allowPrivate);
  } catch (error) {
    return { ok: false, statusCode: null, error: (error as Error).message };
  }
  const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) callback(null, [{ address: resolved.address, family: resolved.family }]);
    else callback(null, resolved.address, resolved.family);
  };
  const send = resolved.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResult>((resolve) => {
    const req = send(
      resolved.url,
      {
        method: 'POST',
        lookup: pinned,
        timeout: options.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Demarche-Webhook/1',
          [WEBHOOK_HEADERS.event]: delivery.event,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signature(target.secret, timestamp, delivery.body),
        },
      },
      (res) => {
        res.resume(); // the answer's body is not kept: a receiver's page is no business of ours
        res.on('end', () => {
          const code = res.statusCode ?? 0;
          resolve({ ok: code >= 200 && code < 300, statusCode: code, error: code >= 200 && code < 300 ? null : `HTTP ${code}` });
        });
        res.on('error', (e) => resolve({ ok: false, statusCode: res.statusCode ?? null, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, statusCode: null, error: e.message.slice(0, 500) }));
    req.end(delivery.body);
  });
}
