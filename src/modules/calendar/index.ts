export { CalendarModule } from './calendar.module.js';
export { CalendarService, type CalendarYear } from './services/calendar.service.js';
export * from './domain/public-holidays.js';
