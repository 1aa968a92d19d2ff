import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LENDING_NS } from './lending-strings';

// Filled shades with at least 4.5:1 for white text (as the debt group badges).
const COLOR: Record<string, string> = {
  DRAFT: 'gray.7',
  SUBMITTED: 'blue.8',
  UNDER_APPRAISAL: '#8a4b00',
  APPROVED: '#1e7b34',
  REJECTED: '#c92a2a',
  WITHDRAWN: 'gray.7',
};

/** An application's state in the domain's words, the same colour everywhere. */
export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(LENDING_NS);
  return (
    <Badge color={COLOR[status] ?? 'gray.7'} variant="filled" data-testid="application-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
