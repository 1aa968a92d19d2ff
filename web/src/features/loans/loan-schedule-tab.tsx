import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/date';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { sumMoney } from './loan-sums';
import { LOANS_NS } from './loans-i18n';
import { useSchedule, type Installment } from './loans-queries';

const STATUS_COLOR: Record<Installment['status'], string> = { SCHEDULED: 'gray.7', DUE: '#1864ab', OVERDUE: '#c92a2a', PAID: '#1e7b34' };

/** Lịch trả nợ: each installment with what is due and what was paid, totals in bold under their column. */
export function LoanScheduleTab({ loanId }: { loanId: string }) {
  const { t } = useTranslation(LOANS_NS);
  const schedule = useSchedule(loanId);
  if (schedule.isPending) return <TableSkeleton />;
  if (schedule.isError) return <ProblemAlert error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const rows = schedule.data;
  if (rows.length === 0) return <EmptyState title={t('schedule.empty')} />;
  const total = (pick: (i: Installment) => string) => sumMoney(rows.map(pick));
  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table striped verticalSpacing="xs" aria-label={t('tabs.schedule')} data-testid="schedule-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{t('schedule.seq')}</Table.Th>
              <Table.Th>{t('schedule.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('schedule.principal')}</Table.Th>
              <Table.Th ta="right">{t('schedule.interest')}</Table.Th>
              <Table.Th ta="right">{t('schedule.total')}</Table.Th>
              <Table.Th ta="right">{t('schedule.paid')}</Table.Th>
              <Table.Th>{t('schedule.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.seq}>
                <Table.Td ta="right" className="num">
                  {i.seq}
                </Table.Td>
                <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={i.principal} />
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={i.interest} />
                  {/* The mark keeps its width on every row, so the amounts stay aligned on their last digit. */}
                  <Text span c="dimmed" aria-hidden style={{ display: 'inline-block', width: '0.7em', visibility: i.billed ? 'hidden' : 'visible' }}>
                    *
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={sumMoney([i.principal, i.interest])} />
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={sumMoney([i.principalPaid, i.interestPaid])} />
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[i.status]} variant={i.status === 'SCHEDULED' ? 'outline' : 'filled'}>
                    {t(`schedule.statuses.${i.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>{t('schedule.totals')}</Table.Th>
              <Table.Td ta="right">
                <MoneyText value={total((i) => i.principal)} bold />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText value={total((i) => i.interest)} bold />
                <span aria-hidden style={{ display: 'inline-block', width: '0.7em' }} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText value={sumMoney([total((i) => i.principal), total((i) => i.interest)])} bold />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText value={sumMoney([total((i) => i.principalPaid), total((i) => i.interestPaid)])} bold />
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {rows.some((i) => !i.billed) && (
        <Text size="xs" c="dimmed" mt="xs">
          * {t('schedule.projected')}
        </Text>
      )}
    </>
  );
}
