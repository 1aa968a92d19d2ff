import { Alert, Pagination, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../shared/auth/use-me';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { LOANS_NS } from './loans-i18n';
import { useLoanAudit, type AuditEvent } from './loans-queries';

const KNOWN = new Set([
  'loan.contract',
  'loan.disburse',
  'loan.repay',
  'loan.repayment-reversal',
  'loan.recovery',
  'loan.restructuring.propose',
  'loan.restructuring.approve',
  'loan.restructuring.reject',
  'loan.write-off.propose',
  'loan.write-off.approve',
  'loan.write-off.reject',
  'loan.open-position',
]);
const STATUSES = new Set(['PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF']);

function field(value: unknown, key: string): string | undefined {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** Lịch sử: the loan's audit events (who did what, when), newest first; the audit trail is for auditors and admins. */
export function LoanHistoryTab({ loanId }: { loanId: string }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const allowed = useHasRole('AUDITOR', 'ADMIN');
  const [page, setPage] = useState(1);
  const audit = useLoanAudit(loanId, allowed, page);
  if (!allowed) return <Alert color="gray">{t('history.noAccess')}</Alert>;
  if (audit.isPending) return <TableSkeleton rows={4} />;
  if (audit.isError) return <ProblemAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.items.length === 0) return <EmptyState title={t('history.empty')} />;
  const details = (e: AuditEvent): string => {
    const parts: string[] = [];
    const amount = field(e.after, 'amount');
    const valueDate = field(e.after, 'valueDate');
    const from = field(e.before, 'status');
    const to = field(e.after, 'status');
    const reason = field(e.after, 'reason');
    if (amount) parts.push(t('history.amount', { amount: formatMoney(amount, lang) }));
    if (valueDate) parts.push(t('history.valueDate', { date: formatDate(valueDate) }));
    if (from && to && from !== to && STATUSES.has(from) && STATUSES.has(to))
      parts.push(t('history.statusChange', { from: t(`status.${from}`), to: t(`status.${to}`) }));
    if (reason) parts.push(reason);
    return parts.join(' · ') || '—';
  };
  const pages = Math.max(1, Math.ceil(audit.data.total / 50));
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label={t('tabs.history')} data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
              <Table.Th>{t('history.action')}</Table.Th>
              <Table.Th>{t('history.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.occurredAt)}</Table.Td>
                <Table.Td>{e.actorUsername}</Table.Td>
                <Table.Td>
                  {KNOWN.has(e.action) ? t(`history.actions.${e.action.replace(/[.-]/g, '_')}`) : t('history.actions.other', { action: e.action })}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{details(e)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} aria-label={t('common:paging.label')} />}
    </>
  );
}
