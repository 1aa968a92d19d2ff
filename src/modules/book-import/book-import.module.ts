import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../../config/index.js';
import { AuditModule } from '../audit/index.js';
import { BookImportsController } from './controllers/book-imports.controller.js';
import { BOOK_IMPORT_QUEUE } from './book-import.constants.js';
import { BookImportsService } from './services/book-imports.service.js';
import { BookTemplatesService } from './services/book-templates.service.js';
import './book-import.errors.js';

/** Bringing in an existing loan book from a workbook; the commit job's processor runs only in the worker and `all` roles. */
@Module({})
export class BookImportModule {
  static register(_role: ProcessRole): DynamicModule {
    return {
      module: BookImportModule,
      imports: [AuditModule, BullModule.registerQueue({ name: BOOK_IMPORT_QUEUE })],
      controllers: [BookImportsController],
      providers: [BookImportsService, BookTemplatesService],
    };
  }
}
