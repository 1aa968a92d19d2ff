import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CalendarModule } from '../calendar/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { LedgerModule } from '../ledger/index.js';
import { LoanContractsController } from './controllers/loan-contracts.controller.js';
import { LoansController } from './controllers/loans.controller.js';
import { ReconciliationController } from './controllers/reconciliation.controller.js';
import { SchedulePreviewsController } from './controllers/schedule-previews.controller.js';
import { LoanCommandsService } from './services/loan-commands.service.js';
import { LoanContractsService } from './services/loan-contracts.service.js';
import { LoanEventRecorder } from './services/loan-event-recorder.service.js';
import { LoanPostings } from './services/loan-postings.service.js';
import { LoanHistoryService } from './services/loan-history.service.js';
import { LoanOriginsService } from './services/loan-origins.service.js';
import { LoanOpeningsService } from './services/loan-openings.service.js';
import { LoanQueriesService } from './services/loan-queries.service.js';
import { LoanReversals } from './services/loan-reversals.service.js';
import { ReconciliationService } from './services/reconciliation.service.js';
import { SchedulePreviewsService } from './services/schedule-previews.service.js';
import './loans.errors.js';
import './loans-risk.errors.js';
import { RestructuringsController } from './controllers/restructurings.controller.js';
import { WriteOffsController } from './controllers/write-offs.controller.js';
import { RestructuringService } from './services/restructuring.service.js';
import { WriteOffService } from './services/write-off.service.js';
import { DueDateMovesService } from './services/due-date-moves.service.js';
import { LoanCloseService } from './services/loan-close.service.js';
import { DisbursementGuards } from './services/disbursement-guards.js';
import { LoanAccelerationService } from './services/loan-acceleration.service.js';
import './loan-acceleration.errors.js';

@Module({
  imports: [AuditModule, LedgerModule, BusinessDateModule, CalendarModule],
  controllers: [LoansController, LoanContractsController, SchedulePreviewsController, ReconciliationController, RestructuringsController, WriteOffsController],
  providers: [
    LoanOriginsService,
    LoanOpeningsService,
    LoanCommandsService,
    LoanContractsService,
    LoanEventRecorder,
    LoanPostings,
    LoanQueriesService,
    LoanHistoryService,
    LoanReversals,
    ReconciliationService,
    SchedulePreviewsService,
    RestructuringService,
    WriteOffService,
    DueDateMovesService,
    LoanCloseService,
    DisbursementGuards,
    LoanAccelerationService,
  ],
  exports: [
    LoanOriginsService,
    LoanOpeningsService,
    LoanContractsService,
    LoanEventRecorder,
    LoanPostings,
    ReconciliationService,
    LoanCloseService,
    LoanCommandsService,
    DueDateMovesService,
    LoanQueriesService,
    DisbursementGuards,
    LoanAccelerationService,
  ],
})
export class LoansModule {}
