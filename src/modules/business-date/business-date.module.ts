import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { LedgerModule } from '../ledger/index.js';
import { BusinessDateController } from './controllers/business-date.controller.js';
import { BusinessDateService } from './services/business-date.service.js';
import './business-date.errors.js';

/** The business date alone (design.md: the open day; only the close advances it), read by most modules. */
@Module({ imports: [AuditModule, LedgerModule], controllers: [BusinessDateController], providers: [BusinessDateService], exports: [BusinessDateService] })
export class BusinessDateModule {}
