import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../../config/index.js';
import { ApplicationsModule } from '../applications/index.js';
import { AuditModule } from '../audit/index.js';
import { BorrowersModule } from '../borrowers/index.js';
import { CalendarModule } from '../calendar/index.js';
import { BusinessDateModule } from '../../modules/business-date/index.js';
import { FundsModule } from '../funds/index.js';
import { LoansModule } from '../loans/index.js';
import { ProductsModule } from '../products/index.js';
import { ReferenceModule } from '../reference/index.js';
import { BookImportProcessor } from './jobs/book-import.processor.js';
import { BookCommitService } from './services/book-commit.service.js';
import { BookContextService } from './services/book-context.service.js';
import { BookImportsController } from './controllers/book-imports.controller.js';
import { BOOK_IMPORT_QUEUE } from './book-import.constants.js';
import { BookImportsService } from './services/book-imports.service.js';
import { BookTemplatesService } from './services/book-templates.service.js';
import './book-import.errors.js';

/** Bringing in an existing loan book from a workbook; the commit job's processor runs only in the worker and `all` roles. */
@Module({})
export class BookImportModule {
  static register(role: ProcessRole): DynamicModule {
    return {
      module: BookImportModule,
      imports: [
        AuditModule,
        ReferenceModule,
        ProductsModule,
        FundsModule,
        CalendarModule,
        BusinessDateModule,
        BorrowersModule,
        ApplicationsModule,
        LoansModule,
        BullModule.registerQueue({ name: BOOK_IMPORT_QUEUE }),
      ],
      controllers: [BookImportsController],
      providers: [BookImportsService, BookTemplatesService, BookContextService, BookCommitService, ...(role === 'api' ? [] : [BookImportProcessor])],
    };
  }
}
