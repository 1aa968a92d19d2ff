import { Button, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { EmptyState } from '../../shared/ui/empty-state';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ExportButtons } from './export-buttons';
import { PortfolioCharts } from './portfolio-charts';
import { PortfolioTable } from './portfolio-table';
import { ReportDateInput, ReportLayout, ReportMeta, useReportDate } from './report-shell';
import { DIMENSIONS, useCommunes, usePortfolioReport, type Dimension } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';

const isDimension = (v: string): v is Dimension => (DIMENSIONS as readonly string[]).includes(v);

/**
 * The portfolio report (README "Reports"): as-of date, period and one or two group-by dimensions,
 * all in the address (`?asOf=&from=&to=&groupBy=sector&groupBy=debtGroup`) so a report can be
 * bookmarked and shared; the API's table with its totals, the charts, and the exports.
 */
export function PortfolioReportPage() {
  const { t } = useTranslation(REPORTS_NS);
  const [params, setParams] = useSearchParams();
  const { asOf, lastClosed, setAsOf } = useReportDate();
  const groupBy = params.getAll('groupBy').filter(isDimension).slice(0, 2);
  const dims: Dimension[] = groupBy.length > 0 ? groupBy : ['sector'];
  // The API's defaults: the period is the year of the report date up to that date.
  const from = params.get('from') ?? (asOf ? `${asOf.slice(0, 4)}-01-01` : null);
  const to = params.get('to') ?? asOf;
  const query = asOf && from && to ? { asOf, from, to, groupBy: dims } : null;
  const report = usePortfolioReport(query);
  const communes = useCommunes();

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const setDims = (first: Dimension, second: Dimension | null) => {
    const next = new URLSearchParams(params);
    next.delete('groupBy');
    next.append('groupBy', first);
    if (second && second !== first) next.append('groupBy', second);
    setParams(next);
  };
  const options = DIMENSIONS.map((d) => ({ value: d, label: t(`dimensions.${d}`) }));
  const data = report.data;

  return (
    <ReportLayout tab="portfolio" actions={query && <ExportButtons path="/api/v1/reports/portfolio" query={{ ...query }} disabled={!data} />}>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <ReportDateInput
          label={t('filters.asOf')}
          value={asOf}
          onChange={(d) => setAsOf(d && d !== lastClosed ? d : null)}
          maxDate={lastClosed}
          testId="as-of"
        />
        <ReportDateInput label={t('filters.from')} value={from} onChange={(d) => setParam('from', d)} maxDate={asOf} testId="period-from" />
        <ReportDateInput label={t('filters.to')} value={to} onChange={(d) => setParam('to', d)} maxDate={asOf} testId="period-to" />
        <Select
          label={t('filters.groupBy')}
          data={options}
          value={dims[0] ?? 'sector'}
          onChange={(v) => v && isDimension(v) && setDims(v, dims[1] ?? null)}
          allowDeselect={false}
          w={190}
        />
        <Select
          label={t('filters.thenBy')}
          placeholder={t('filters.none')}
          data={options.filter((o) => o.value !== dims[0])}
          value={dims[1] ?? null}
          onChange={(v) => setDims(dims[0] ?? 'sector', v && isDimension(v) ? v : null)}
          clearable
          w={190}
        />
        {(params.has('from') || params.has('to') || params.has('groupBy') || params.has('asOf')) && (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('common:actions.clear')}
          </Button>
        )}
      </Group>

      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {(report.isPending || !query) && !report.isError && <TableSkeleton />}
      {data && (
        <>
          <ReportMeta asOf={data.asOf} source={data.source}>
            <Text size="sm">{t('period', { from: formatDate(data.from), to: formatDate(data.to) })}</Text>
            <Text size="sm" c="dimmed">
              {t('policy', { policy: t(`policies.${data.policy}`, { defaultValue: data.policy }) })}
            </Text>
          </ReportMeta>
          {data.rows.length === 0 ? (
            <EmptyState title={t('empty')} hint={t('emptyHint')} />
          ) : (
            <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
              <PortfolioTable report={data} communes={communes.data} />
              <Text size="xs" c="dimmed" mt={4}>
                {t('shareNote')}
              </Text>
            </div>
          )}
          {query && data.rows.length > 0 && <PortfolioCharts asOf={query.asOf} from={query.from} to={query.to} />}
        </>
      )}
    </ReportLayout>
  );
}
