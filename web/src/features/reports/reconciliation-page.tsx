import { Alert, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ExportButtons } from './export-buttons';
import { AsOfPicker, ReportLayout, ReportMeta, useReportDate } from './report-shell';
import { useReconciliationReport } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';
import { ScrollTable } from '../../shared/ui/scroll-table';

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** The difference of two whole-VND strings, by BigInt (never a float); decimals are kept out of it. */
function difference(a: string, b: string): string {
  return /^-?\d+$/.test(a) && /^-?\d+$/.test(b) ? String(BigInt(a) - BigInt(b)) : '—';
}

/** The ledger against the loans on a date: clean, or each difference. */
export function ReconciliationReportPage() {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const { asOf } = useReportDate();
  const report = useReconciliationReport(asOf);
  const data = report.data;
  const clean = data && data.mismatches.length === 0 && data.unbalancedTransactions.length === 0 && data.cache.mismatches === 0;
  return (
    <ReportLayout tab="reconciliation" actions={asOf && <ExportButtons path="/api/v1/reports/reconciliation" query={{ asOf }} disabled={!data} />}>
      <Group mb="md">
        <AsOfPicker />
      </Group>
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && !report.isError && <TableSkeleton />}
      {data && (
        <>
          <ReportMeta asOf={data.asOf} />
          {clean ? (
            <Alert color="green" icon={<IconCircleCheck aria-hidden />} mb="md" data-testid="reconciliation-result">
              {t('reconciliation.clean')}
            </Alert>
          ) : (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} mb="md" data-testid="reconciliation-result">
              {t('reconciliation.differences', { count: data.mismatches.length + data.unbalancedTransactions.length + data.cache.mismatches })}
              {data.unbalancedTransactions.length > 0 && (
                <Text size="sm">{t('reconciliation.unbalanced', { ids: data.unbalancedTransactions.join(', ') })}</Text>
              )}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            <div>
              <Text size="xs" c="dimmed">
                {t('reconciliation.loansChecked')}
              </Text>
              <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatCount(data.loansChecked, lang)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('reconciliation.ledgerPrincipal')}
              </Text>
              <Text fw={600}>
                <MoneyText value={data.ledgerPrincipal} />
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('reconciliation.eventPrincipal')}
              </Text>
              <Text fw={600}>
                <MoneyText value={data.eventPrincipal} />
              </Text>
            </div>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mb="sm">
            {data.cache.checked ? t('reconciliation.cacheChecked', { count: data.cache.mismatches }) : t('reconciliation.cacheNotChecked')}
          </Text>
          {data.mismatches.length > 0 && (
            <ScrollTable minWidth={800} label={t('reconciliation.differences', { count: data.mismatches.length })}>
              <Table striped withTableBorder aria-label={t('reconciliation.differences', { count: data.mismatches.length })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('loans.contract')}</Table.Th>
                    <Table.Th>{t('reconciliation.account')}</Table.Th>
                    <Table.Th style={num}>{t('reconciliation.loanBalance')}</Table.Th>
                    <Table.Th style={num}>{t('reconciliation.ledger')}</Table.Th>
                    <Table.Th style={num}>{t('reconciliation.difference')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.mismatches.map((m) => (
                    <Table.Tr key={`${m.loanId}-${m.account}`}>
                      <Table.Td>{m.contractNumber}</Table.Td>
                      <Table.Td>{t(`accounts.${m.account}`, { defaultValue: m.account })}</Table.Td>
                      <Table.Td style={num}>
                        <MoneyText value={m.loanBalance} />
                      </Table.Td>
                      <Table.Td style={num}>
                        <MoneyText value={m.ledger} />
                      </Table.Td>
                      <Table.Td style={num}>
                        <MoneyText value={difference(m.loanBalance, m.ledger)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      )}
    </ReportLayout>
  );
}
