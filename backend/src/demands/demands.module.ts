import { Module } from '@nestjs/common';
import { CampaignSending } from './campaign-sending.js';
import { DemandTransitions } from './demand-transition.js';
import { DemandsController } from './demands.controller.js';
import { DemandsService } from './demands.service.js';

@Module({
  controllers: [DemandsController],
  providers: [DemandsService, DemandTransitions, CampaignSending],
  exports: [DemandsService, DemandTransitions],
})
export class DemandsModule {}
