import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOAN_FILE_NS } from './loan-file-i18n';
import type { Inspection } from './loan-file-queries';

const STATUS_COLOR = { DUE: 'blue', OVERDUE: 'red', DONE: 'green' } as const;
const FINDING_COLOR = { USED_AS_PLANNED: 'green', PARTLY: 'yellow', NOT_AS_PLANNED: 'red' } as const;

export function InspectionStatusBadge({ status }: { status: Inspection['status'] }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`inspection.status.${status}`)}
    </Badge>
  );
}

export function FindingBadge({ finding }: { finding: NonNullable<Inspection['finding']> }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  return (
    <Badge color={FINDING_COLOR[finding]} variant="light">
      {t(`inspection.finding.${finding}`)}
    </Badge>
  );
}
