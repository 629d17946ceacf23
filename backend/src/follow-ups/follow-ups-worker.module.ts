import { Module } from '@nestjs/common';
import { FollowUpEscalation } from './follow-up-escalation.js';

/** Worker-only: the follow-ups' rules that run on a schedule (escalation). */
@Module({ providers: [FollowUpEscalation], exports: [FollowUpEscalation] })
export class FollowUpsWorkerModule {}
