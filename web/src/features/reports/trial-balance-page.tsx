import { Alert, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { AsOfPicker, ReportLayout, ReportMeta, useReportDate } from './report-shell';
import { useTrialBalance } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';
import { ScrollTable } from '../../shared/ui/scroll-table';

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** Balances by account on a value date, from the journal (GET /ledger/trial-balance). */
export function TrialBalancePage() {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const { asOf } = useReportDate();
  const report = useTrialBalance(asOf);
  const data = report.data;
  const balanced = data ? /^-?0+(\.0+)?$/.test(data.totalBalance) : false;
  return (
    <ReportLayout tab="trialBalance">
      <Group mb="md">
        <AsOfPicker />
      </Group>
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && !report.isError && <TableSkeleton />}
      {data && <ReportMeta asOf={data.asOf} />}
      {data && (
        <Alert color={balanced ? 'green' : 'red'} mb="md" data-testid="trial-balance-result">
          {balanced ? t('trialBalance.balanced') : t('trialBalance.unbalanced', { amount: formatMoney(data.totalBalance, lang) })}
        </Alert>
      )}
      {data && data.accounts.length === 0 && <EmptyState title={t('trialBalance.empty')} />}
      {data && data.accounts.length > 0 && (
        <ScrollTable minWidth={960} label={t('tabs.trialBalance')}>
          <Table
            striped
            withTableBorder
            verticalSpacing={6}
            fz="sm"
            aria-label={t('tabs.trialBalance')}
            style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trialBalance.glCode')}</Table.Th>
                <Table.Th>{t('trialBalance.account')}</Table.Th>
                <Table.Th>{t('trialBalance.type')}</Table.Th>
                <Table.Th style={num}>{t('trialBalance.debit')}</Table.Th>
                <Table.Th style={num}>{t('trialBalance.credit')}</Table.Th>
                <Table.Th style={num}>{t('trialBalance.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.accounts.map((a) => (
                <Table.Tr key={a.account}>
                  <Table.Td className="num">{a.glCode}</Table.Td>
                  <Table.Td>{lang === 'en' ? a.nameEn : a.nameVi}</Table.Td>
                  <Table.Td>{t(`trialBalance.types.${a.type}`, { defaultValue: a.type })}</Table.Td>
                  <Table.Td style={num}>
                    <MoneyText value={a.debit} />
                  </Table.Td>
                  <Table.Td style={num}>
                    <MoneyText value={a.credit} />
                  </Table.Td>
                  <Table.Td style={num}>
                    <MoneyText value={a.balance} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr style={{ fontWeight: 700 }}>
                <Table.Th colSpan={5}>{t('columns.total')}</Table.Th>
                <Table.Td style={num}>
                  <MoneyText value={data.totalBalance} bold />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollTable>
      )}
    </ReportLayout>
  );
}
