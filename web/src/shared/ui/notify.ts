import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n';

/** Notifications with a labelled close button (axe button-name) in the user's language. */
function show(color: string, message: string, title?: string, autoClose = 5000): void {
  notifications.show({ color, title, message, autoClose, closeButtonProps: { 'aria-label': i18n.t('common:actions.close') } });
}

export function notifySuccess(message: string): void {
  show('green', message);
}

export function notifyError(message: string, title = i18n.t('common:errors.title')): void {
  show('red', message, title, 8000);
}
