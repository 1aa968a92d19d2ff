import { Anchor, Button, Group, Paper, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { PagingFooter } from '../../shared/ui/paging-footer';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { FindingBadge, InspectionStatusBadge } from './inspection-badges';
import { LOAN_FILE_NS } from './loan-file-i18n';
import { useInspectionQueue, useInspectionSummary, type InspectionStatus } from './loan-file-queries';

const STATUSES: InspectionStatus[] = ['OVERDUE', 'DUE', 'DONE'];
const PAGE_SIZE = 50;

/** The officers' queue and the report of inspections due and overdue (and done), with the totals on the business date. */
export function InspectionsPage() {
  const { t, i18n } = useTranslation(LOAN_FILE_NS);
  const lang = toLanguage(i18n.language);
  const officer = useHasRole('OFFICER');
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'OVERDUE';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useInspectionQueue(status, page, PAGE_SIZE);
  const summary = useInspectionSummary();
  const s = summary.data;
  return (
    <>
      <PageHeader title={t('inspection.queueTitle')} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('inspection.queueHint')}
      </Text>
      {s && (
        <SimpleGrid cols={{ base: 2, sm: 5 }} mb="md" data-testid="inspection-summary">
          {(
            [
              ['overdue', formatCount(s.overdue, lang)],
              ['due', formatCount(s.due, lang)],
              ['overdueAmount', <MoneyText key="a" value={s.overdueAmount} />],
              ['done', formatCount(s.done, lang)],
              ['misuse', formatCount(s.misuse, lang)],
            ] as const
          ).map(([k, v]) => (
            <Paper key={k} withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t(`inspection.summary.${k}`)}
              </Text>
              <Text fw={700} size="lg" className="num">
                {v}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <SegmentedControl
        mb="md"
        aria-label={t('inspection.statusLabel')}
        value={status}
        onChange={(v) => setParams(new URLSearchParams({ status: v }))}
        data={STATUSES.map((x) => ({ value: x, label: t(`inspection.status.${x}`) }))}
      />
      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('inspection.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="xs" aria-label={t('inspection.queueTitle')} data-testid="inspection-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inspection.loan')}</Table.Th>
                  <Table.Th>{t('inspection.borrower')}</Table.Th>
                  <Table.Th>{t('inspection.tranche')}</Table.Th>
                  <Table.Th>{t('inspection.disbursed')}</Table.Th>
                  <Table.Th ta="right">{t('inspection.amount')}</Table.Th>
                  <Table.Th>{t('inspection.dueDate')}</Table.Th>
                  <Table.Th>{status === 'DONE' ? t('inspection.findingLabel') : t('inspection.statusLabel')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.disbursementEventId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/loans/${i.loanId}?tab=inspections`} size="sm">
                        {i.contractNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{i.borrowerName}</Table.Td>
                    <Table.Td>{t('inspection.trancheNo', { n: i.trancheNo })}</Table.Td>
                    <Table.Td>{formatDate(i.disbursementDate)}</Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={i.disbursedAmount} />
                    </Table.Td>
                    <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                    <Table.Td>{i.finding ? <FindingBadge finding={i.finding} /> : <InspectionStatusBadge status={i.status} />}</Table.Td>
                    <Table.Td>
                      {officer && i.status !== 'DONE' && (
                        <Group justify="flex-end">
                          <Button
                            size="xs"
                            component={Link}
                            to={`/loans/${i.loanId}/inspections/${i.disbursementEventId}`}
                            aria-label={t('inspection.recordFor', { n: i.trancheNo, contract: i.contractNumber })}
                          >
                            {t('inspection.record')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagingFooter page={page} pageSize={PAGE_SIZE} shown={list.data.items.length} total={list.data.total} />
        </>
      )}
    </>
  );
}
