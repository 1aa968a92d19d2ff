import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n';

/** Notifications with a labelled close button (axe button-name) in the user's language. */
function show(color: string, message: string, title?: string, autoClose = 5000, id?: string): void {
  if (id) notifications.hide(id);
  notifications.show({ id, color, title, message, autoClose, closeButtonProps: { 'aria-label': i18n.t('common:actions.close') } });
}

const SERVER_ERROR_ID = 'server-error';

/** Hides the last refusal's notification (a new attempt, or success, makes it stale). */
export function clearServerError(): void {
  notifications.hide(SERVER_ERROR_ID);
}

export function notifySuccess(message: string): void {
  clearServerError();
  show('green', message);
}

export function notifyError(message: string, title = i18n.t('common:errors.title')): void {
  show('red', message, title, 8000, SERVER_ERROR_ID);
}
