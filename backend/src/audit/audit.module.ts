import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The audit trail: every domain module records its changes through AuditService. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
