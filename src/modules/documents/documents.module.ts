import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/index.js';
import { LoanDocumentsController } from './controllers/loan-documents.controller.js';
import { LoanDocumentsService } from './services/loan-documents.service.js';

/** The documents a fund prints (docs/documents.md); reads loans, renders PDFs, writes nothing. */
@Module({ imports: [ReferenceModule], controllers: [LoanDocumentsController], providers: [LoanDocumentsService] })
export class DocumentsModule {}
