import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  actorId?: string | null;
  campaignId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends an audit event through `manager` — the transaction's, so that the event commits or
 * rolls back with the change it records (the data source's own manager only for what happens
 * outside any transaction, such as a failed sign-in). The one way to write the trail, for the
 * API's services and the worker alike. Never put a secret (password, token) in before/after.
 */
export async function recordAudit(manager: EntityManager, event: AuditRecord): Promise<void> {
  await manager.insert(AuditEvent, {
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    actorId: event.actorId ?? null,
    campaignId: event.campaignId ?? null,
    before: (event.before ?? null) as never,
    after: (event.after ?? null) as never,
    occurredAt: new Date(),
  });
}
