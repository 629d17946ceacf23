import { Module } from '@nestjs/common';
import { DemandsModule } from '../demands/demands.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { ResponsesController } from './responses.controller.js';
import { ResponsesService } from './responses.service.js';

@Module({ imports: [DemandsModule, ProposalsModule], controllers: [ResponsesController], providers: [ResponsesService] })
export class ResponsesModule {}
