import { Module } from '@nestjs/common';
import { DemandsModule } from '../demands/demands.module.js';
import { ProposalsController } from './proposals.controller.js';
import { ProposalsService } from './proposals.service.js';

@Module({ imports: [DemandsModule], controllers: [ProposalsController], providers: [ProposalsService], exports: [ProposalsService] })
export class ProposalsModule {}
