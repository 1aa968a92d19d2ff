export { NotificationsModule } from './notifications.module.js';
export { NotificationsService, type ReminderRunResult } from './services/notifications.service.js';
export { REMINDERS_QUEUE } from './jobs/notifications-queues.js';
