import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOANS_NS } from './loans-i18n';
import type { LoanStatus } from './loans-queries';

// Shades with at least 4.5:1 for white text (Mantine's 6 shades are lighter).
const COLOR: Record<LoanStatus, string> = { PENDING_DISBURSEMENT: '#1864ab', ACTIVE: '#1e7b34', CLOSED: 'gray.7', WRITTEN_OFF: '#7a0c0c' };

/** A loan's state in the domain's words (web-design.md "Numbers, dates, states"). */
export function LoanStatusBadge({ status }: { status: LoanStatus }) {
  const { t } = useTranslation(LOANS_NS);
  return (
    <Badge color={COLOR[status]} variant="filled" style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
