import { Module } from '@nestjs/common';
import { DemandTransitions } from './demand-transition.js';
import { DemandsController } from './demands.controller.js';
import { DemandsService } from './demands.service.js';

@Module({ controllers: [DemandsController], providers: [DemandsService, DemandTransitions], exports: [DemandsService, DemandTransitions] })
export class DemandsModule {}
