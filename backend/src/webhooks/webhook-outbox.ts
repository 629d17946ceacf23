import { createHash } from 'node:crypto';
import type { Locale, NotificationKind } from '@demarche/shared';
import type { EntityManager } from 'typeorm';
import type { RenderedMail } from '../core/mail/mail-layout.js';

/** The JSON a webhook receives (plus `id`, the delivery's id, added when sent). */
export interface WebhookPayload {
  /** The event's kind, e.g. `reminder`, `response`, `status_change`; `ping` for a test. */
  event: string;
  /** Stable per event: the same event has the same id for every webhook. */
  eventId: string;
  occurredAt: string;
  campaign: { id: string; title: string } | null;
  /** Slack-compatible message (mrkdwn), in the webhook's language. */
  text: string;
  title: string;
  link: string | null;
  data: Record<string, unknown>;
}

/** Slack's mrkdwn needs &, < and > escaped in text that is not markup. */
const slackEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackText(title: string, body: string, link: string | null, linkLabel: string): string {
  return [`*${slackEscape(title)}*`, body ? slackEscape(body) : null, link ? `<${link}|${slackEscape(linkLabel)}>` : null]
    .filter(Boolean)
    .join('\n');
}

const OPEN_LABEL: Record<Locale, string> = { en: 'Open in Demarche', es: 'Abrir en Demarche' };

/**
 * What a webhook hears of an event: the part of a notification event (notifications/notify.ts,
 * `NotificationEvent`, which extends this) that its deliveries are written from.
 */
export interface WebhookEvent {
  kind: NotificationKind;
  /** The event's identity: the same key never reaches the same webhook twice. */
  key: string;
  campaignId: string;
  campaignTitle: string;
  /** Organizations concerned: their webhooks hear of it (the campaign's webhooks always do). */
  organizationIds: string[];
  /** A dashboard path, e.g. /campaigns/<id>. */
  link: string;
  /** What the event says, in a language and time zone. */
  render(locale: Locale, timeZone: string, absoluteLink: string): { title: string; body: string; mail: RenderedMail };
  /** Machine-readable facts for webhook receivers. */
  data: Record<string, unknown>;
}

/** A webhook an event goes to, and the language its messages are written in. */
export interface WebhookTarget {
  id: string;
  locale: Locale;
}

/**
 * The condition on `webhooks w` that selects those interested in an event: active, the
 * campaign's or an organization's concerned, and listening to its kind. Each argument is an SQL
 * expression (a parameter, or a column of the statement it is part of).
 */
export const interestedWebhooks = (campaignId: string, organizationIds: string, kind: string): string =>
  `w.active AND (w.campaign_id = ${campaignId} OR w.organization_id = ANY(${organizationIds})) AND (cardinality(w.events) = 0 OR ${kind} = ANY(w.events))`;

/**
 * Writes one delivery per active webhook interested in the event — the campaign's, and those of
 * the organizations concerned — in the caller's transaction. A webhook that already has this
 * event gets nothing new. Returns the new deliveries' ids. A caller that has read the interested
 * webhooks already, in the same transaction (`interestedWebhooks`), passes them as `targets`.
 */
export async function queueWebhookDeliveries(
  manager: EntityManager,
  publicUrl: string,
  event: WebhookEvent,
  targets?: WebhookTarget[],
): Promise<string[]> {
  const hooks: WebhookTarget[] =
    targets ??
    (await manager.query(`SELECT w.id, w.locale FROM webhooks w WHERE ${interestedWebhooks('$1', '$2::uuid[]', '$3')}`, [
      event.campaignId,
      event.organizationIds,
      event.kind,
    ]));
  if (hooks.length === 0) return [];
  const link = `${publicUrl}${event.link}`;
  const eventId = createHash('sha256').update(event.key).digest('hex').slice(0, 32);
  const occurredAt = new Date().toISOString();
  const ids: string[] = [];
  for (const hook of hooks) {
    const rendered = event.render(hook.locale, 'UTC', link);
    const payload: WebhookPayload = {
      event: event.kind,
      eventId,
      occurredAt,
      campaign: { id: event.campaignId, title: event.campaignTitle },
      text: slackText(rendered.title, rendered.body, link, OPEN_LABEL[hook.locale]),
      title: rendered.title,
      link,
      data: event.data,
    };
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_key, event, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (webhook_id, event_key) DO NOTHING RETURNING id`,
      [hook.id, event.key, event.kind, JSON.stringify(payload)],
    );
    if (rows[0]) ids.push(rows[0].id);
  }
  return ids;
}
