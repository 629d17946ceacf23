import { Module } from '@nestjs/common';
import { InstitutionsController, OfficesController, TermsController } from './institutions.controller.js';
import { InstitutionsService } from './institutions.service.js';

/** The shared directory of institutions, offices and officeholder terms. */
@Module({
  controllers: [InstitutionsController, OfficesController, TermsController],
  providers: [InstitutionsService],
  exports: [InstitutionsService],
})
export class InstitutionsModule {}
