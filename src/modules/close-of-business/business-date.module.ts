import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { BusinessDateController } from './controllers/business-date.controller.js';
import { BusinessDateService } from './services/business-date.service.js';

/** The business date alone, so loans can read it without depending on the close itself. */
@Module({ imports: [AuditModule], controllers: [BusinessDateController], providers: [BusinessDateService], exports: [BusinessDateService] })
export class BusinessDateModule {}
