import { Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ExportButtons } from './export-buttons';
import { AsOfPicker, ReportLayout, ReportMeta, useReportDate } from './report-shell';
import { useAgingReport } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';
import { ScrollTable } from '../../shared/ui/scroll-table';

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** Outstanding and loans by days past due, every bucket shown also when empty. */
export function AgingReportPage() {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const { asOf } = useReportDate();
  const report = useAgingReport(asOf);
  const data = report.data;
  return (
    <ReportLayout tab="aging" actions={asOf && <ExportButtons path="/api/v1/reports/aging" query={{ asOf }} disabled={!data} />}>
      <Group mb="md">
        <AsOfPicker />
      </Group>
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && !report.isError && <TableSkeleton />}
      {data && (
        <>
          <ReportMeta asOf={data.asOf} source={data.source} />
          <ScrollTable minWidth={720} label={t('tabs.aging')}>
            <Table striped withTableBorder verticalSpacing={6} aria-label={t('tabs.aging')} style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aging.bucket')}</Table.Th>
                  <Table.Th style={num}>{t('columns.outstandingLoanCount')}</Table.Th>
                  <Table.Th style={num}>{t('columns.outstanding')}</Table.Th>
                  <Table.Th style={num}>{t('columns.overduePrincipal')}</Table.Th>
                  <Table.Th style={num}>{t('aging.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.bucket}>
                    <Table.Th scope="row" fw={500}>
                      {t(`aging.buckets.${r.bucket}`, { defaultValue: r.bucket })}
                    </Table.Th>
                    <Table.Td style={num} className="num">
                      {formatCount(r.loanCount, lang)}
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={r.outstanding} />
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={r.overduePrincipal} />
                    </Table.Td>
                    <Table.Td style={num} className="num">
                      {formatPercent(r.share.display, lang)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr style={{ fontWeight: 700 }}>
                  <Table.Th scope="row">{t('columns.total')}</Table.Th>
                  <Table.Td style={num} className="num">
                    {formatCount(data.totals.loanCount, lang)}
                  </Table.Td>
                  <Table.Td style={num}>
                    <MoneyText value={data.totals.outstanding} bold />
                  </Table.Td>
                  <Table.Td style={num}>
                    <MoneyText value={data.totals.overduePrincipal} bold />
                  </Table.Td>
                  <Table.Td style={num} className="num">
                    {data.totals.loanCount > 0 ? formatPercent('100', lang) : '—'}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollTable>
        </>
      )}
    </ReportLayout>
  );
}
