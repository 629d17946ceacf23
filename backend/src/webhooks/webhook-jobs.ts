import { deliveryJobOptions } from '../core/queue/queues.js';
import type { JobSpec } from '../core/queue/typed-queue.js';

/** The job id of a webhook delivery: one per delivery row, so BullMQ holds it at most once. */
export const webhookJobId = (deliveryId: string): string => `webhook-delivery-${deliveryId}`;

/** The BullMQ jobs that POST the given webhook deliveries (rows of `webhook_deliveries`). */
export function webhookDeliveryJobs(ids: string[], config: Parameters<typeof deliveryJobOptions>[0]): JobSpec<'webhooks'>[] {
  return ids.map((deliveryId) => ({
    name: 'deliver',
    data: { deliveryId },
    opts: { jobId: webhookJobId(deliveryId), ...deliveryJobOptions(config) },
  }));
}
