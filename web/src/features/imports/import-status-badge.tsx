import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORTS_NS } from './imports-i18n';
import type { ImportStatus, LineOutcome } from './imports-queries';

// Filled shades with at least 4.5:1 for white text (axe color-contrast).
const STATUS_COLOR: Record<ImportStatus, string> = { QUEUED: 'gray.7', RUNNING: 'blue.8', DONE: '#1e7b34', FAILED: '#c92a2a' };
const OUTCOME_COLOR: Record<LineOutcome, string> = { PENDING: 'gray.7', APPLIED: '#1e7b34', UNMATCHED: '#a85d00', REFUSED: '#c92a2a' };

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation(IMPORTS_NS);
  return <Badge color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Badge>;
}

export function OutcomeBadge({ outcome }: { outcome: LineOutcome }) {
  const { t } = useTranslation(IMPORTS_NS);
  return <Badge color={OUTCOME_COLOR[outcome]}>{t(`outcome.${outcome}`)}</Badge>;
}
