import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/index.js';
import { AuditModule } from '../audit/index.js';
import { BorrowersModule } from '../borrowers/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { CollateralCoverModule } from '../collateral/cover.index.js';
import { FundsModule } from '../funds/index.js';
import { ProductsModule } from '../products/index.js';
import { ReferenceModule } from '../reference/index.js';
import { LendingChecksController } from './controllers/lending-checks.controller.js';
import { LoanApplicationsController } from './controllers/loan-applications.controller.js';
import { AppraisalsService } from './services/appraisals.service.js';
import { ApplicationChecksService } from './services/application-checks.service.js';
import { ApplicationDocumentsService } from './services/application-documents.service.js';
import { LendingDryRunService } from './services/lending-dry-run.service.js';
import { LoanApplicationsService } from './services/loan-applications.service.js';

@Module({
  imports: [AttachmentsModule, AuditModule, BusinessDateModule, BorrowersModule, FundsModule, ProductsModule, ReferenceModule, CollateralCoverModule],
  controllers: [LendingChecksController, LoanApplicationsController],
  providers: [ApplicationDocumentsService, LoanApplicationsService, ApplicationChecksService, AppraisalsService, LendingDryRunService],
  exports: [LoanApplicationsService, AppraisalsService],
})
export class ApplicationsModule {}
