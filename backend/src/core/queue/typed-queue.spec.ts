import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import type { JobSpec, TypedJob, TypedQueue } from './typed-queue.js';

/**
 * The registry's promise is a compile-time one: `npm test` type-checks this file, and each
 * `@ts-expect-error` below fails the typecheck if the line it marks stops being an error.
 */
describe('typed queues', () => {
  const added: unknown[] = [];
  const queue = {
    add: async (...args: unknown[]) => void added.push(args),
    addBulk: async (jobs: unknown[]) => void added.push(...jobs),
  } as unknown as TypedQueue<'notifications'>;

  it('take a job name with its own payload, and refuse any other', async () => {
    await queue.add('email', { notificationId: 'n1' }, { jobId: 'notification-email-n1' });
    // @ts-expect-error a job name the notifications queue does not have
    await queue.add('deliver', { notificationId: 'n1' });
    // @ts-expect-error the payload of another job of the same queue
    await queue.add('email', {});
    // @ts-expect-error a payload field of the wrong type
    await queue.add('email', { notificationId: 1 });
    const spec: JobSpec<'notifications'> = { name: 'email', data: { notificationId: 'n2' }, opts: { jobId: 'x' } };
    // @ts-expect-error a bulk job whose payload belongs to another queue's job
    const wrong: JobSpec<'notifications'> = { name: 'email', data: { deliveryId: 'd1' }, opts: { jobId: 'y' } };
    await queue.addBulk([spec]);
    // A type only: at run time the calls reach BullMQ's own methods as they were written.
    expect(added).toHaveLength(5);
    expect(added[0]).toEqual(['email', { notificationId: 'n1' }, { jobId: 'notification-email-n1' }]);
    void wrong;
  });

  it("give a processor each job's payload by its name, without a cast", () => {
    const read = (job: TypedJob<'reminders'>): string => {
      switch (job.name) {
        case 'deliver':
          // @ts-expect-error a field of another queue's job
          void job.data.deliveryId;
          return job.data.reminderId;
        case 'sweep':
          return 'sweep';
        default: {
          const unknown: never = job;
          return unknown;
        }
      }
    };
    expect(read({ name: 'deliver', data: { reminderId: 'r1' } } as Job<{ reminderId: string }, void, 'deliver'>)).toBe('r1');
  });
});
