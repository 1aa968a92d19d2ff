// The calendar's admin API, apart from index.ts: it depends on the loans module, which reads index.ts (no import cycle).
export { CalendarAdminModule } from './calendar-admin.module.js';
