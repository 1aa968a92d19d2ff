import { Badge, Group, HoverCard, Tabs, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate } from '../../shared/format/date';
import { PageHeader } from '../../shared/ui/page-header';
import { REPORTS_NS } from './reports-i18n';

export const REPORT_TABS = [
  { key: 'portfolio', to: '/reports/portfolio' },
  { key: 'aging', to: '/reports/aging' },
  { key: 'loans', to: '/reports/loans' },
  { key: 'capitalSources', to: '/reports/capital-sources' },
  { key: 'reconciliation', to: '/reports/reconciliation' },
  { key: 'trialBalance', to: '/reports/trial-balance' },
  { key: 'collateral', to: '/reports/collateral' },
] as const;

/** The reports' sub-navigation: one address per report, the as-of date carried from one to the next. */
function ReportTabs() {
  const { t } = useTranslation(REPORTS_NS);
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  const current = REPORT_TABS.find((tab) => location.pathname.startsWith(tab.to))?.to ?? null;
  return (
    <Tabs value={current} onChange={(to) => to && navigate(asOf ? `${to}?asOf=${asOf}` : to)} mb="md" keepMounted={false}>
      <Tabs.List aria-label={t('tabs.label')}>
        {REPORT_TABS.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.to}>
            {t(`tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

/** A report page: title, breadcrumbs, the export buttons, the sub-navigation, then the page. */
export function ReportLayout({ tab, actions, children }: { tab: (typeof REPORT_TABS)[number]['key']; actions?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation(REPORTS_NS);
  return (
    <>
      <PageHeader title={t(`tabs.${tab}`)} crumbs={[{ label: t('title'), to: '/reports/portfolio' }, { label: t(`tabs.${tab}`) }]} actions={actions} />
      <ReportTabs />
      {children}
    </>
  );
}

/**
 * The report date from the address (`?asOf=`), by default the last closed business date (a
 * later day has no figures yet); null until the workspace answers.
 */
export function useReportDate(): { asOf: string | null; lastClosed: string | null; setAsOf: (d: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const workspace = useWorkspace();
  const lastClosed = workspace.data?.lastClosedDate ?? null;
  const asOf = params.get('asOf') ?? lastClosed;
  const setAsOf = (d: string | null) => {
    const next = new URLSearchParams(params);
    if (d) next.set('asOf', d);
    else next.delete('asOf');
    next.delete('page');
    setParams(next);
  };
  return { asOf, lastClosed, setAsOf };
}

/** A date picker writing `YYYY-MM-DD` (Mantine's value) and showing dd/MM/yyyy. */
export function ReportDateInput({
  label,
  value,
  onChange,
  maxDate,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  maxDate?: string | null;
  testId?: string;
}) {
  return (
    <DateInput
      label={label}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      maxDate={maxDate ?? undefined}
      w={150}
      data-testid={testId}
    />
  );
}

export function AsOfPicker() {
  const { t } = useTranslation(REPORTS_NS);
  const { asOf, lastClosed, setAsOf } = useReportDate();
  return (
    <ReportDateInput label={t('filters.asOf')} value={asOf} onChange={(d) => setAsOf(d && d !== lastClosed ? d : null)} maxDate={lastClosed} testId="as-of" />
  );
}

/** Where the figures come from, with what that means on hover or focus. */
export function SourceBadge({ source }: { source: string }) {
  const { t } = useTranslation(REPORTS_NS);
  const known = ['SNAPSHOT', 'LIVE', 'RECONSTRUCTED'].includes(source);
  return (
    <HoverCard width={320} shadow="md" withArrow openDelay={100}>
      <HoverCard.Target>
        <Badge
          component="button"
          type="button"
          variant="light"
          color="indigo"
          size="lg"
          rightSection={<IconInfoCircle size={14} aria-hidden />}
          aria-label={`${t('source.label')}: ${known ? t(`source.${source}`) : source}. ${known ? t(`source.help.${source}`) : ''}`}
          data-testid="report-source"
          style={{ textTransform: 'none', cursor: 'help' }}
        >
          {known ? t(`source.${source}`) : source}
        </Badge>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <Text size="sm" fw={600}>
          {t('source.label')}
        </Text>
        <Text size="sm">{known ? t(`source.help.${source}`) : source}</Text>
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

/** The date line under the filters: as of, source, anything else the report says. */
export function ReportMeta({ asOf, source, children }: { asOf: string; source?: string; children?: ReactNode }) {
  const { t } = useTranslation(REPORTS_NS);
  return (
    <Group gap="sm" mb="sm" wrap="wrap">
      <Text size="sm">
        {t('filters.asOf')}: <strong>{formatDate(asOf)}</strong>
      </Text>
      {source && <SourceBadge source={source} />}
      {children}
    </Group>
  );
}
