import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BOOK_IMPORT_NS } from './book-import-i18n';

// Filled shades with at least 4.5:1 for white text (axe color-contrast).
const COLOR: Record<string, string> = {
  INVALID: '#c92a2a',
  NEEDS_CHOICES: '#a85d00',
  READY: 'blue.8',
  SUBMITTED: 'violet.8',
  APPROVED: 'blue.8',
  RUNNING: 'blue.8',
  COMMITTED: '#1e7b34',
  FAILED: '#c92a2a',
  REJECTED: 'gray.7',
};

export function BookImportStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(BOOK_IMPORT_NS);
  return <Badge color={COLOR[status] ?? 'gray.7'}>{t(`status.${status}`, { defaultValue: status })}</Badge>;
}
