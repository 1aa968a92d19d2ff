import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { LedgerController } from './controllers/ledger.controller.js';
import { LedgerQueryService } from './services/ledger-query.service.js';
import { LedgerService } from './services/ledger.service.js';
import { LoanJournalService } from './services/loan-journal.service.js';

@Module({
  imports: [AuditModule],
  controllers: [LedgerController],
  providers: [LedgerService, LedgerQueryService, LoanJournalService],
  exports: [LedgerService, LoanJournalService],
})
export class LedgerModule {}
