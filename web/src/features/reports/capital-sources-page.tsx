import { Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ExportButtons } from './export-buttons';
import { AsOfPicker, ReportLayout, ReportMeta, useReportDate } from './report-shell';
import { useCapitalSourceReport } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';
import { ScrollTable } from '../../shared/ui/scroll-table';

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
const MONEY = ['capital', 'disbursed', 'repaid', 'outstanding', 'available', 'interestEarned'] as const;

/** Per capital source: capital, disbursed, repaid, outstanding, available, interest earned (ledger by value date). */
export function CapitalSourcesReportPage() {
  const { t } = useTranslation(REPORTS_NS);
  const { asOf } = useReportDate();
  const report = useCapitalSourceReport(asOf);
  const data = report.data;
  return (
    <ReportLayout tab="capitalSources" actions={asOf && <ExportButtons path="/api/v1/reports/capital-sources" query={{ asOf }} disabled={!data} />}>
      <Group mb="md">
        <AsOfPicker />
      </Group>
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && !report.isError && <TableSkeleton />}
      {data && <ReportMeta asOf={data.asOf} />}
      {data && data.rows.length === 0 && <EmptyState title={t('capital.empty')} />}
      {data && data.rows.length > 0 && (
        <ScrollTable minWidth={1200} label={t('tabs.capitalSources')}>
          <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label={t('tabs.capitalSources')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('capital.name')}</Table.Th>
                <Table.Th>{t('capital.kind')}</Table.Th>
                <Table.Th>{t('capital.bearsRisk')}</Table.Th>
                {MONEY.map((k) => (
                  <Table.Th key={k} style={num}>
                    {t(`capital.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((s) => (
                <Table.Tr key={s.capitalSourceId}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>{t(`capital.kinds.${s.kind}`, { defaultValue: s.kind })}</Table.Td>
                  <Table.Td>{s.bearsCreditRisk ? t('capital.yes') : t('capital.no')}</Table.Td>
                  {MONEY.map((k) => (
                    <Table.Td key={k} style={num}>
                      <MoneyText value={s[k]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </ReportLayout>
  );
}
