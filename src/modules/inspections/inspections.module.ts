import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/index.js';
import { AuditModule } from '../audit/index.js';
import { BusinessDateModule } from '../close-of-business/index.js';
import { LoansModule } from '../loans/index.js';
import { InspectionsController } from './controllers/inspections.controller.js';
import { RecallCasesController } from './controllers/recall-cases.controller.js';
import { InspectionsService } from './services/inspections.service.js';
import { RecallCasesService } from './services/recall-cases.service.js';
import './inspections.errors.js';

@Module({
  imports: [AuditModule, AttachmentsModule, BusinessDateModule, LoansModule],
  controllers: [InspectionsController, RecallCasesController],
  providers: [InspectionsService, RecallCasesService],
  exports: [InspectionsService, RecallCasesService],
})
export class InspectionsModule {}
