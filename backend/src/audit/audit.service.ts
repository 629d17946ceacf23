import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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
 * Appends audit events. Pass the transaction's EntityManager so the event commits or rolls back
 * with the change it records. Never put a secret (password, token) in before/after.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(event: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    return recordAudit(manager, event);
  }
}

/** The same, for code outside Nest's container (the worker's system moves, data loaders). */
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
