import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { LoansModule } from '../loans/index.js';
import { CalendarModule } from '../calendar/index.js';
import { CalendarController } from './controllers/calendar.controller.js';
import { CalendarAdminService } from './services/calendar-admin.service.js';

/**
 * The calendar's admin API. Separate from CalendarModule (which the loans read) because saving a
 * change moves loans' due dates through the loans module: LoansModule → CalendarModule ← this.
 */
@Module({ imports: [AuditModule, BusinessDateModule, CalendarModule, LoansModule], controllers: [CalendarController], providers: [CalendarAdminService] })
export class CalendarAdminModule {}
