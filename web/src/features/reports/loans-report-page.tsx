import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { LegacyTermsBadge } from '../../shared/ui/legacy-terms-badge';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ExportButtons } from './export-buttons';
import { AsOfPicker, ReportLayout, ReportMeta, useReportDate } from './report-shell';
import { useCommunes, useLoanListReport, useSectors } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';
import { ScrollTable } from '../../shared/ui/scroll-table';
import { PagingFooter } from '../../shared/ui/paging-footer';

const PAGE_SIZE = 25;
const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/**
 * The loan list auditors sample from (README "Reports"): every loan disbursed by the date with its
 * position then, paged on the server (`?asOf=&page=`); a row opens the loan's page. The export
 * holds every loan, not one page.
 */
export function LoansReportPage() {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const [params] = useSearchParams();
  const { asOf } = useReportDate();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const report = useLoanListReport(asOf, page, PAGE_SIZE);
  const communes = useCommunes();
  const sectors = useSectors();
  const data = report.data;
  const sectorName = (version: string, code: string) => {
    const s = sectors.data?.find((x) => x.version === version && x.code === code);
    return s ? `${code} – ${lang === 'en' ? s.nameEn : s.nameVi}` : code;
  };
  const communeName = (code: string) => {
    const c = communes.data?.find((x) => x.code === code);
    return c ? (lang === 'en' ? c.nameEn : c.nameVi) : code;
  };
  return (
    <ReportLayout tab="loans" actions={asOf && <ExportButtons path="/api/v1/reports/loans" query={{ asOf }} disabled={!data} />}>
      <Group mb="md">
        <AsOfPicker />
      </Group>
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && !report.isError && <TableSkeleton />}
      {data && <ReportMeta asOf={data.asOf} source={data.source} />}
      {data && data.items.length === 0 && <EmptyState title={t('loans.empty')} />}
      {data && data.items.length > 0 && (
        <>
          <ScrollTable minWidth={1800} label={t('tabs.loans')}>
            <Table
              striped
              highlightOnHover
              withTableBorder
              verticalSpacing={6}
              fz="sm"
              aria-label={t('tabs.loans')}
              style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('loans.contract')}</Table.Th>
                  <Table.Th>{t('loans.borrower')}</Table.Th>
                  <Table.Th>{t('loans.sector')}</Table.Th>
                  <Table.Th>{t('loans.commune')}</Table.Th>
                  <Table.Th>{t('loans.status')}</Table.Th>
                  <Table.Th style={num}>{t('loans.disbursed')}</Table.Th>
                  <Table.Th style={num}>{t('columns.outstanding')}</Table.Th>
                  <Table.Th style={num}>{t('columns.overduePrincipal')}</Table.Th>
                  <Table.Th style={num}>{t('columns.overdueInterest')}</Table.Th>
                  <Table.Th style={num}>{t('loans.dpd')}</Table.Th>
                  <Table.Th>{t('loans.debtGroup')}</Table.Th>
                  <Table.Th style={num}>{t('columns.specificProvision')}</Table.Th>
                  <Table.Th style={num}>{t('columns.generalProvision')}</Table.Th>
                  <Table.Th>{t('dimensions.origin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((l) => (
                  <Table.Tr key={l.loanId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/loans/${l.loanId}`} fw={600} size="sm" aria-label={t('loans.open', { contract: l.contractNumber })}>
                        {l.contractNumber}
                      </Anchor>
                      {l.legacyTerms && (
                        <>
                          {' '}
                          <LegacyTermsBadge rules={l.legacyRules} />
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{l.borrowerName}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={sectorName(l.sectorVersion, l.sectorCode)}>
                        {sectorName(l.sectorVersion, l.sectorCode)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{(lang === 'en' ? l.communeNameEn : l.communeNameVi) ?? communeName(l.communeCode)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`loans.statuses.${l.status}`, { defaultValue: l.status })}</Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={l.disbursed} />
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={l.outstanding} />
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={l.overduePrincipal} />
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={l.overdueInterest} />
                    </Table.Td>
                    <Table.Td style={num} className="num">
                      {formatCount(l.daysPastDue, lang)}
                    </Table.Td>
                    <Table.Td>
                      <DebtGroupBadge group={l.debtGroup} />
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={l.specificProvision} />
                    </Table.Td>
                    <Table.Td style={num}>
                      <MoneyText value={l.generalProvision} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.origin ?? t('origin.own')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <PagingFooter page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} />
        </>
      )}
    </ReportLayout>
  );
}
