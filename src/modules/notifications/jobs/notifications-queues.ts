/** BullMQ names of the notifications module (design.md "Jobs"): the daily reminder run and its scheduler. */
export const REMINDERS_QUEUE = 'reminders';
export const DAILY_REMINDERS_SCHEDULER = 'daily-reminders';
