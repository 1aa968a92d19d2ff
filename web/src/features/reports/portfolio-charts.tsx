import { CompositeChart, DonutChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Box, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DebtGroupBadge, debtGroupColor } from '../../shared/ui/debt-group-badge';
import { toLanguage, type Language } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { barWidth, formatBillionsTick, formatMonth, formatRatio, toBillions } from './report-format';
import { useCapitalSourceReport, useChartReport, useMonthlySeries, type MonthlySeries, type PortfolioReport } from './reports-queries';
import { REPORTS_NS } from './reports-i18n';

// Distinct hues in the order the sectors come (largest first), dark enough for white labels.
const SECTOR_COLORS = ['teal.7', 'blue.7', 'grape.7', 'orange.8', 'cyan.8', 'pink.7', 'lime.9', 'indigo.7', 'gray.7'];

/** A row's dimension keys (the schema types them loosely: the labels depend on the dimension). */
function keysOf(row: PortfolioReport['rows'][number]): Record<string, Record<string, string | null> | undefined> {
  return row.keys as Record<string, Record<string, string | null> | undefined>;
}

function ChartCard({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Pending({ query, h = 220 }: { query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; h?: number }) {
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return query.isPending ? <Skeleton h={h} /> : null;
}

/** Share of outstanding by sector: a donut with the API's one-decimal shares, and a legend that reads as text. */
function SectorDonut({ report, lang }: { report: PortfolioReport; lang: Language }) {
  const { t } = useTranslation(REPORTS_NS);
  const rows = report.rows.filter((r) => r.outstanding !== '0');
  const data = rows.map((r, i) => {
    const key = keysOf(r).sector ?? {};
    return {
      name: `${key.code ?? ''} – ${(lang === 'en' ? key.nameEn : key.nameVi) ?? ''}`,
      // Geometry only: the slice's angle; every figure shown comes from the API's strings.
      value: Number(r.shareOfOutstanding.display),
      color: SECTOR_COLORS[i % SECTOR_COLORS.length] ?? 'gray.6',
      share: formatPercent(r.shareOfOutstanding.display, lang),
      outstanding: r.outstanding,
    };
  });
  if (data.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <Group align="center" gap="lg" wrap="wrap">
      <DonutChart
        data={data.map(({ name, value, color }) => ({ name, value, color }))}
        size={190}
        thickness={34}
        withLabels
        withLabelsLine
        labelsType="value"
        valueFormatter={(v) => formatPercent(String(v), lang)}
        withTooltip={false}
        chartLabel={data[0]?.share}
        // The legend beside it is the text; the drawing is hidden from screen readers and tab order.
        pieChartProps={{ accessibilityLayer: false }}
        pieProps={{ rootTabIndex: -1 }}
        aria-hidden
      />
      <Stack
        gap={6}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0, flex: 1, minWidth: 220 }}
        aria-label={t('charts.bySector')}
        data-testid="sector-legend"
      >
        {data.map((d) => (
          <Group key={d.name} component="li" gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Box w={12} h={12} style={{ borderRadius: 3, flex: 'none', background: `var(--mantine-color-${d.color.replace('.', '-')})` }} aria-hidden />
              <Text size="sm" truncate="end" title={d.name}>
                {d.name}
              </Text>
            </Group>
            <Text size="sm" fw={600} className="num" style={{ whiteSpace: 'nowrap' }}>
              {d.share}
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

/** Outstanding by debt group as bars in the badges' colours, with PAR30, PAR90 and the bad-debt ratio. */
function DebtGroupBars({ report, lang }: { report: PortfolioReport; lang: Language }) {
  const { t } = useTranslation(REPORTS_NS);
  const byGroup = new Map(report.rows.map((r) => [keysOf(r).debtGroup?.code ?? '', r]));
  const total = report.totals.outstanding;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} data-testid="par-ratios">
        {t('charts.parRatios', {
          par30: formatRatio(report.totals.par30, lang),
          par90: formatRatio(report.totals.par90, lang),
          bad: formatRatio(report.totals.badDebtRatio, lang),
        })}
      </Text>
      {[1, 2, 3, 4, 5].map((g) => {
        const r = byGroup.get(String(g));
        const amount = r?.outstanding ?? '0';
        const width = barWidth(amount, total);
        return (
          <Group key={g} gap="sm" wrap="nowrap">
            <Box w={118} style={{ flex: 'none' }}>
              <DebtGroupBadge group={g} />
            </Box>
            <Box style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4, height: 18 }} aria-hidden>
              <Box style={{ width: `${width > 0 ? Math.max(width, 0.8) : 0}%`, height: '100%', borderRadius: 4, background: debtGroupColor(g) }} />
            </Box>
            <Text size="sm" className="num" w={170} ta="right" style={{ flex: 'none' }}>
              {formatMoney(amount, lang)}
            </Text>
            <Text size="sm" className="num" w={56} ta="right" style={{ flex: 'none' }}>
              {r ? formatPercent(r.shareOfOutstanding.display, lang) : formatPercent('0', lang)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Each capital source: what is lent out (outstanding) and what is left (available) within its capital. */
function CapitalUse({ asOf, lang }: { asOf: string; lang: Language }) {
  const { t } = useTranslation(REPORTS_NS);
  const q = useCapitalSourceReport(asOf);
  if (!q.data) return <Pending query={q} h={120} />;
  return (
    <Stack gap="md">
      {q.data.rows.map((s) => {
        const used = barWidth(s.outstanding, s.capital);
        return (
          <Stack key={s.capitalSourceId} gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" fw={600}>
                {s.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('charts.capital')}: {formatMoney(s.capital, lang)}
              </Text>
            </Group>
            <Box style={{ display: 'flex', height: 18, borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-gray-2)' }} aria-hidden>
              <Box style={{ width: `${used}%`, background: 'var(--mantine-color-blue-7)' }} />
              <Box style={{ flex: 1, background: 'var(--mantine-color-teal-2)' }} />
            </Box>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="xs">
                <Box component="span" style={{ color: 'var(--mantine-color-blue-8)' }} aria-hidden>
                  ■{' '}
                </Box>
                {t('capital.outstanding')}: {formatMoney(s.outstanding, lang)}
              </Text>
              <Text size="xs">
                <Box component="span" style={{ color: 'var(--mantine-color-teal-5)' }} aria-hidden>
                  ■{' '}
                </Box>
                {t('charts.available')}: {formatMoney(s.available, lang)}
              </Text>
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Month-end outstanding (line) and each month's turnover (bars), in billions on the axes. */
function MonthlyChart({ series, lang }: { series: MonthlySeries; lang: Language }) {
  const { t } = useTranslation(REPORTS_NS);
  const data = series.months.map((m) => ({
    month: formatMonth(m.month),
    outstanding: toBillions(m.outstanding),
    turnover: toBillions(m.turnover),
    raw: m,
  }));
  return (
    <>
      <CompositeChart
        h={280}
        data={data}
        dataKey="month"
        withLegend
        legendProps={{ verticalAlign: 'top', height: 36 }}
        withRightYAxis
        series={[
          { name: 'turnover', label: t('columns.turnover'), color: 'teal.6', type: 'bar', yAxisId: 'right' },
          { name: 'outstanding', label: t('columns.outstanding'), color: 'blue.8', type: 'line' },
        ]}
        curveType="linear"
        withDots={false}
        valueFormatter={(v) => formatBillionsTick(v, lang)}
        maxBarWidth={10}
        tooltipProps={{
          content: ({ payload, label }) => {
            const p = payload?.[0]?.payload as (typeof data)[number] | undefined;
            if (!p) return null;
            return (
              <Paper withBorder shadow="md" p="xs" radius="sm">
                <Text size="sm" fw={600}>
                  {label}
                </Text>
                <Text size="xs">
                  {t('columns.outstanding')}: {formatMoney(p.raw.outstanding, lang)}
                </Text>
                <Text size="xs">
                  {t('columns.turnover')}: {formatMoney(p.raw.turnover, lang)}
                </Text>
                <Text size="xs">
                  {t('columns.principalCollected')}: {formatMoney(p.raw.principalCollected, lang)}
                </Text>
              </Paper>
            );
          },
        }}
      />
      <VisuallyHidden>
        <table>
          <caption>{t('charts.chartTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.month')}</th>
              <th scope="col">{t('columns.outstanding')}</th>
              <th scope="col">{t('columns.turnover')}</th>
            </tr>
          </thead>
          <tbody>
            {series.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{formatMonth(m.month)}</th>
                <td>{formatMoney(m.outstanding, lang)}</td>
                <td>{formatMoney(m.turnover, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </>
  );
}

/** The portfolio's charts, each from the API's own figures for the same date and period. */
export function PortfolioCharts({ asOf, from, to }: { asOf: string; from: string; to: string }) {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const sectors = useChartReport(asOf, from, to, 'sector');
  const groups = useChartReport(asOf, from, to, 'debtGroup');
  const monthly = useMonthlySeries(asOf);
  return (
    <Stack gap="md" mt="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard title={t('charts.bySector')} testId="chart-sector">
          {sectors.data ? <SectorDonut report={sectors.data} lang={lang} /> : <Pending query={sectors} />}
        </ChartCard>
        <ChartCard title={t('charts.byDebtGroup')} testId="chart-debt-groups">
          {groups.data ? <DebtGroupBars report={groups.data} lang={lang} /> : <Pending query={groups} />}
        </ChartCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard title={t('charts.monthly')} testId="chart-monthly">
          {monthly.data ? <MonthlyChart series={monthly.data} lang={lang} /> : <Pending query={monthly} h={280} />}
        </ChartCard>
        <ChartCard title={t('charts.capitalUse')} testId="chart-capital">
          <CapitalUse asOf={asOf} lang={lang} />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
