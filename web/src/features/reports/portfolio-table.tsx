import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { MoneyText } from '../../shared/ui/money-text';
import { rowLabel } from './group-label';
import { formatRatio } from './report-format';
import type { Commune, Dimension, PortfolioFigures, PortfolioReport } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';
import { ScrollTable } from '../../shared/ui/scroll-table';

type Col = { key: keyof PortfolioFigures; kind: 'count' | 'money' | 'ratio' };
const COLUMNS: Col[] = [
  { key: 'loanCount', kind: 'count' },
  { key: 'borrowerCount', kind: 'count' },
  { key: 'turnover', kind: 'money' },
  { key: 'principalCollected', kind: 'money' },
  { key: 'interestCollected', kind: 'money' },
  { key: 'outstanding', kind: 'money' },
];
const AFTER_SHARES: Col[] = [
  { key: 'overduePrincipal', kind: 'money' },
  { key: 'overdueInterest', kind: 'money' },
  { key: 'penaltyInterest', kind: 'money' },
  { key: 'badDebt', kind: 'money' },
  { key: 'badDebtRatio', kind: 'ratio' },
  { key: 'par30', kind: 'ratio' },
  { key: 'par90', kind: 'ratio' },
  { key: 'specificProvision', kind: 'money' },
  { key: 'generalProvision', kind: 'money' },
];

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
const sticky = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1, minWidth: 220 } as const;

/** The API's portfolio report as a table: one row per group, the totals row in bold. */
export function PortfolioTable({ report, communes }: { report: PortfolioReport; communes: Commune[] | undefined }) {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const dims = report.groupBy as Dimension[];
  const cell = (c: Col, f: PortfolioFigures, bold = false) => {
    const v = f[c.key];
    if (c.kind === 'money') return <MoneyText value={String(v)} bold={bold} />;
    if (c.kind === 'count') return formatCount(Number(v), lang);
    return formatRatio(String(v), lang);
  };
  return (
    <ScrollTable minWidth={2100} label={t('tabs.portfolio')}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={6} fz="sm" aria-label={t('tabs.portfolio')} data-testid="portfolio-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky}>{dims.map((d) => t(`dimensions.${d}`)).join(' · ') || t('columns.group')}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c.key} style={num}>
                {t(`columns.${c.key}`)}
              </Table.Th>
            ))}
            <Table.Th style={num}>{t('columns.shareOfOutstanding')}</Table.Th>
            <Table.Th style={num}>{t('columns.shareOfTurnover')}</Table.Th>
            {AFTER_SHARES.map((c) => (
              <Table.Th key={c.key} style={num}>
                {t(`columns.${c.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((r) => {
            const label = rowLabel(dims, r.keys as Record<string, Record<string, string | null>>, t, lang, communes);
            return (
              <Table.Tr key={label}>
                <Table.Th scope="row" style={{ ...sticky, fontWeight: 500 }}>
                  {label}
                </Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Td key={c.key} style={num}>
                    {cell(c, r)}
                  </Table.Td>
                ))}
                <Table.Td style={num} className="num" data-testid="share-outstanding">
                  {formatPercent(r.shareOfOutstanding.display, lang)}
                </Table.Td>
                <Table.Td style={num} className="num">
                  {formatPercent(r.shareOfTurnover.display, lang)}
                </Table.Td>
                {AFTER_SHARES.map((c) => (
                  <Table.Td key={c.key} style={num} className="num">
                    {cell(c, r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr style={{ fontWeight: 700, borderTop: '2px solid var(--mantine-color-gray-5)' }} data-testid="portfolio-totals">
            <Table.Th scope="row" style={{ ...sticky, fontWeight: 700 }}>
              {t('columns.total')}
            </Table.Th>
            {COLUMNS.map((c) => (
              <Table.Td key={c.key} style={num} className="num">
                {cell(c, report.totals, true)}
              </Table.Td>
            ))}
            <Table.Td style={num} className="num">
              {report.rows.length > 0 ? formatPercent('100', lang) : '—'}
            </Table.Td>
            <Table.Td style={num} className="num">
              {report.rows.length > 0 ? formatPercent('100', lang) : '—'}
            </Table.Td>
            {AFTER_SHARES.map((c) => (
              <Table.Td key={c.key} style={num} className="num">
                {cell(c, report.totals, true)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
