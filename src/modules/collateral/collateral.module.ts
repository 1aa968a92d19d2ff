import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/index.js';
import { AuditModule } from '../audit/index.js';
import { BorrowersModule } from '../borrowers/index.js';
import { BusinessDateModule } from '../../modules/business-date/index.js';
import { LoansModule } from '../loans/index.js';
import { ReferenceModule } from '../reference/index.js';
import { CollateralCoverModule } from './collateral-cover.module.js';
import { CollateralAssetsController } from './controllers/collateral-assets.controller.js';
import { CollateralDocumentsController } from './controllers/collateral-documents.controller.js';
import { CollateralReleasesController } from './controllers/collateral-releases.controller.js';
import { LoanCollateralController } from './controllers/loan-collateral.controller.js';
import { CollateralAssetsService } from './services/collateral-assets.service.js';
import { CollateralEnforcementService } from './services/collateral-enforcement.service.js';
import { CollateralReleasesService } from './services/collateral-releases.service.js';
import { GuaranteesService } from './services/guarantees.service.js';
import { DisbursementCoverGuard } from './services/disbursement-cover-guard.service.js';
import { LoanCollateralService } from './services/loan-collateral.service.js';
import './collateral.errors.js';

/** Collateral and guarantees (docs/collateral.md): the register, pledges, releases, enforcement, guarantees. */
@Module({
  imports: [AttachmentsModule, AuditModule, BorrowersModule, BusinessDateModule, LoansModule, ReferenceModule, CollateralCoverModule],
  controllers: [CollateralAssetsController, CollateralDocumentsController, CollateralReleasesController, LoanCollateralController],
  providers: [
    CollateralAssetsService,
    CollateralReleasesService,
    CollateralEnforcementService,
    GuaranteesService,
    LoanCollateralService,
    DisbursementCoverGuard,
  ],
  exports: [CollateralAssetsService, CollateralReleasesService, GuaranteesService],
})
export class CollateralModule {}
