import { Module } from '@nestjs/common';
import { DemandTransitions } from './demand-transition.js';
import { UnansweredDemands } from './unanswered-demands.js';

/** Worker-only: the demands' rules that run on a schedule (the no-response rule). */
@Module({ providers: [UnansweredDemands, DemandTransitions], exports: [UnansweredDemands] })
export class DemandsWorkerModule {}
