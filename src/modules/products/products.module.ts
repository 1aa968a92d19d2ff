import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ReferenceModule } from '../reference/index.js';
import { LoanProductsController } from './controllers/loan-products.controller.js';
import { LoanProductsService } from './services/loan-products.service.js';

@Module({ imports: [AuditModule, ReferenceModule], controllers: [LoanProductsController], providers: [LoanProductsService], exports: [LoanProductsService] })
export class ProductsModule {}
