import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { queueWebhookDeliveries, type WebhookEvent, type WebhookTarget } from '../webhooks/webhook-outbox.js';
import { audience, nothingRecorded, storeNotification, type NotificationEvent, type Recorded } from './notify.js';

/**
 * The one way an event is recorded (notify.ts, `NotificationEvent`), in the API and in the
 * worker alike: the producer hands it the transaction's manager and the event; links are made
 * absolute here, from the configured public URL, not by each caller.
 */
@Injectable()
export class EventRecorder {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  /**
   * Records an event for its people (per their preferences: the in-app row, the e-mail to send)
   * and its webhooks, in the caller's transaction. `Dispatcher.dispatch` hands over what it
   * returns once that transaction has committed.
   */
  async record(manager: EntityManager, event: NotificationEvent): Promise<Recorded> {
    const recorded = nothingRecorded();
    const absoluteLink = `${this.config.publicUrl}${event.link}`;
    const people = await audience(
      manager,
      event.recipientIds.filter((id) => id !== event.actorId),
      event.campaignId,
      event.kind,
    );
    for (const person of people) {
      const mail = event.quiet ? 'off' : person.mail;
      if (!person.inApp && mail === 'off') continue;
      const rendered = event.render(person.locale, person.timeZone, absoluteLink);
      const saved = await storeNotification(manager, {
        userId: person.userId,
        kind: event.kind,
        title: rendered.title,
        body: rendered.body,
        link: event.link,
        campaignId: event.campaignId,
        dedupeKey: `${event.key}:${person.userId}`,
        inApp: person.inApp,
        emailStatus: mail === 'now' ? 'pending' : mail === 'digest' ? 'digest' : 'none',
        mail: mail === 'off' ? null : rendered.mail,
      });
      if (!saved) continue;
      if (saved.stored) recorded.notifications.push(saved.stored);
      if (mail === 'now') recorded.emailIds.push(saved.id);
    }
    if (!event.quiet) recorded.deliveryIds.push(...(await this.webhookDeliveries(manager, event)));
    return recorded;
  }

  /**
   * Only the webhook deliveries of an event (a reminder: its recipient is told by the reminder
   * itself); `targets` when the caller has read the interested webhooks in the same transaction.
   */
  webhookDeliveries(manager: EntityManager, event: WebhookEvent, targets?: WebhookTarget[]): Promise<string[]> {
    return queueWebhookDeliveries(manager, this.config.publicUrl, event, targets);
  }
}
