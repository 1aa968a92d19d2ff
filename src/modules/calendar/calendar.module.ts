import { Module } from '@nestjs/common';
import { CalendarService } from './services/calendar.service.js';

/** The fund's calendar as the other modules read it (loans, products); the admin side is CalendarAdminModule. */
@Module({ providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}
