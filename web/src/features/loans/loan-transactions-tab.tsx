import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ReverseDialog } from './reverse-dialog';
import { runningPrincipal } from './loan-sums';
import { LOANS_NS } from './loans-i18n';
import { useTransactions, type LoanEvent } from './loans-queries';

/** Giao dịch: every event with its allocation and the principal after it; reversed ones stay, marked. */
export function LoanTransactionsTab({ loanId, canReverse }: { loanId: string; canReverse: boolean }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const events = useTransactions(loanId);
  const [reversing, setReversing] = useState<LoanEvent | null>(null);
  if (events.isPending) return <TableSkeleton />;
  if (events.isError) return <ProblemAlert error={events.error} onRetry={() => void events.refetch()} />;
  const rows = events.data;
  if (rows.length === 0) return <EmptyState title={t('transactions.empty')} />;
  const balances = runningPrincipal(rows);
  return (
    <>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped verticalSpacing="xs" aria-label={t('tabs.transactions')} data-testid="transactions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('transactions.date')}</Table.Th>
              <Table.Th>{t('transactions.kind')}</Table.Th>
              <Table.Th>{t('transactions.reference')}</Table.Th>
              <Table.Th ta="right">{t('transactions.amount')}</Table.Th>
              <Table.Th>{t('transactions.allocation')}</Table.Th>
              <Table.Th ta="right">{t('transactions.balance')}</Table.Th>
              {canReverse && <Table.Th aria-label={t('transactions.reverse')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e, index) => (
              <Table.Tr
                key={e.id}
                style={e.reversed ? { textDecoration: 'line-through', color: 'var(--mantine-color-dimmed)' } : undefined}
                data-reversed={e.reversed || undefined}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(e.valueDate)}
                  {e.bookingDate !== e.valueDate && (
                    <Text size="xs" c="dimmed">
                      {t('transactions.booking')}: {formatDate(e.bookingDate)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <span>{t(`transactions.kinds.${e.kind}`)}</span>
                    {e.reversed && (
                      <Badge color="#c92a2a" variant="filled" size="sm" style={{ textDecoration: 'none' }}>
                        {t('transactions.reversed')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {e.reference ?? '—'}
                  {e.channel && (
                    <Text size="xs" c="dimmed">
                      {t(`transactions.channels.${e.channel}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={e.amount} />
                </Table.Td>
                <Table.Td>
                  {e.allocation.length === 0
                    ? '—'
                    : e.allocation.map((l, i) => (
                        <Text size="xs" key={i}>
                          {t(`components.${l.component}`)}
                          {l.installmentSeq !== null && ` (${t('transactions.installment', { seq: l.installmentSeq })})`}: {formatMoney(l.amount, lang)}
                        </Text>
                      ))}
                  {e.reversalReason && (
                    <Text size="xs" c="dimmed" style={{ textDecoration: 'none' }}>
                      {t('transactions.reversedReason', { reason: e.reversalReason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={balances[index]} />
                </Table.Td>
                {canReverse && (
                  <Table.Td>
                    {e.kind === 'REPAYMENT' && !e.reversed && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        onClick={() => setReversing(e)}
                        aria-label={`${t('transactions.reverse')} ${e.reference ?? e.id}`}
                      >
                        {t('transactions.reverse')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reversing && <ReverseDialog loanId={loanId} event={reversing} onClose={() => setReversing(null)} />}
    </>
  );
}
