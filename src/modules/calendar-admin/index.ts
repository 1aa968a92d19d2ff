// The calendar's admin API, a module of its own: it moves loans' due dates through the loans
// module, which reads the calendar module (loans → calendar ← calendar-admin → loans, no cycle).
export { CalendarAdminModule } from './calendar-admin.module.js';
