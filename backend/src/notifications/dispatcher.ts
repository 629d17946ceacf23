import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { deliveryJobOptions, QUEUES } from '../core/queue/queues.js';
import { addReviving } from '../core/queue/revive.js';
import type { JobSpec, TypedQueue } from '../core/queue/typed-queue.js';
import { REDIS } from '../core/redis/redis.module.js';
import { webhookDeliveryJobs } from '../webhooks/webhook-jobs.js';
import { publishNotifications, type Recorded } from './notify.js';

export const emailJobId = (notificationId: string): string => `notification-email-${notificationId}`;

/**
 * After a transaction that recorded events has committed: pushes the new in-app notifications
 * to open streams and enqueues their e-mails and webhook deliveries. If this process dies first,
 * the worker's sweep finds the rows still pending and enqueues them; job ids derived from the
 * rows keep BullMQ from holding one twice.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger(Dispatcher.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly notifications: TypedQueue<'notifications'>,
    @InjectQueue(QUEUES.webhooks) private readonly webhooks: TypedQueue<'webhooks'>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Never throws: what it could not hand over, the sweep will. */
  async dispatch(recorded: Recorded): Promise<void> {
    try {
      await publishNotifications(this.redis, this.config.redisPrefix, recorded.notifications);
      await this.enqueueEmails(recorded.emailIds);
      await this.enqueueDeliveries(recorded.deliveryIds);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not dispatch notifications now; the worker will pick them up');
    }
  }

  /** `revive`: the rows have been pending a while (the sweep); re-add any whose job finished (see addReviving). */
  async enqueueEmails(ids: string[], revive = false): Promise<void> {
    if (ids.length === 0) return;
    const jobs = ids.map((notificationId): JobSpec<'notifications'> => ({
      name: 'email',
      data: { notificationId },
      opts: { jobId: emailJobId(notificationId), ...deliveryJobOptions(this.config) },
    }));
    await (revive ? addReviving(this.notifications, jobs) : this.notifications.addBulk(jobs));
  }

  async enqueueDeliveries(ids: string[], revive = false): Promise<void> {
    if (ids.length === 0) return;
    const jobs = webhookDeliveryJobs(ids, this.config);
    await (revive ? addReviving(this.webhooks, jobs) : this.webhooks.addBulk(jobs));
  }
}
