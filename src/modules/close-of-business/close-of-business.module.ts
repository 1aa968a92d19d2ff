import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LoansModule } from '../loans/index.js';
import { BusinessDateModule } from './business-date.module.js';
import { CloseOfBusinessController } from './controllers/close-of-business.controller.js';
import { CloseOfBusinessService } from './services/close-of-business.service.js';

@Module({
  imports: [AuditModule, BusinessDateModule, LoansModule],
  controllers: [CloseOfBusinessController],
  providers: [CloseOfBusinessService],
  exports: [CloseOfBusinessService],
})
export class CloseOfBusinessModule {}
