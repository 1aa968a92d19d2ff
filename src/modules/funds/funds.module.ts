import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { LedgerModule } from '../ledger/index.js';
import { CapitalSourcesController } from './controllers/capital-sources.controller.js';
import { CharterCapitalController } from './controllers/charter-capital.controller.js';
import { CapitalSourcesService } from './services/capital-sources.service.js';
import { CharterCapitalService } from './services/charter-capital.service.js';

@Module({
  imports: [AuditModule, LedgerModule, BusinessDateModule],
  controllers: [CapitalSourcesController, CharterCapitalController],
  providers: [CapitalSourcesService, CharterCapitalService],
  exports: [CapitalSourcesService, CharterCapitalService],
})
export class FundsModule {}
