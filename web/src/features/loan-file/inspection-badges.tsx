import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOAN_FILE_NS } from './loan-file-i18n';
import type { Inspection } from './loan-file-queries';

// Filled shades with at least 4.5:1 for white text (as the status badges).
const STATUS_COLOR = { DUE: 'blue.8', OVERDUE: '#c92a2a', DONE: '#1e7b34' } as const;
const FINDING_COLOR = { USED_AS_PLANNED: '#1e7b34', PARTLY: '#8a4b00', NOT_AS_PLANNED: '#c92a2a' } as const;

export function InspectionStatusBadge({ status }: { status: Inspection['status'] }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled">
      {t(`inspection.status.${status}`)}
    </Badge>
  );
}

export function FindingBadge({ finding }: { finding: NonNullable<Inspection['finding']> }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  return (
    <Badge color={FINDING_COLOR[finding]} variant="filled">
      {t(`inspection.finding.${finding}`)}
    </Badge>
  );
}
