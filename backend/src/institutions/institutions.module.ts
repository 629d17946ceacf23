import { Module } from '@nestjs/common';
import { DemandsModule } from '../demands/demands.module.js';
import { InstitutionsController, OfficesController, TermsController } from './institutions.controller.js';
import { InstitutionsService } from './institutions.service.js';

/** The shared directory of institutions, offices and officeholder terms. */
@Module({
  imports: [DemandsModule],
  controllers: [InstitutionsController, OfficesController, TermsController],
  providers: [InstitutionsService],
  exports: [InstitutionsService],
})
export class InstitutionsModule {}
