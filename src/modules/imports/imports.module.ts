import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../../config/index.js';
import { AuditModule } from '../audit/index.js';
import { LoansModule } from '../loans/index.js';
import { RepaymentImportsController } from './controllers/repayment-imports.controller.js';
import { RepaymentImportProcessor } from './jobs/repayment-import.processor.js';
import { ImportLineProcessor } from './services/import-line-processor.service.js';
import { RepaymentImportsService } from './services/repayment-imports.service.js';
import { REPAYMENT_IMPORT_QUEUE } from './jobs/imports-queues.js';
import { StatementReaderService } from './services/statement-reader.service.js';
import './imports.errors.js';

/** Bank-statement repayment imports; the job's processor runs only in the worker and `all` roles. */
@Module({})
export class ImportsModule {
  static register(role: ProcessRole): DynamicModule {
    return {
      module: ImportsModule,
      imports: [AuditModule, LoansModule, BullModule.registerQueue({ name: REPAYMENT_IMPORT_QUEUE })],
      controllers: [RepaymentImportsController],
      providers: [RepaymentImportsService, ImportLineProcessor, StatementReaderService, ...(role === 'api' ? [] : [RepaymentImportProcessor])],
    };
  }
}
