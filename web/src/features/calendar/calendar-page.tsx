import { Alert, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { PageHeader } from '../../shared/ui/page-header';
import { CalendarChangesPanel } from './calendar-changes-panel';
import { CALENDAR_NS } from './calendar-i18n';
import { CalendarWeekPanel } from './calendar-week-panel';
import { CalendarYearPanel } from './calendar-year-panel';

const TABS = ['year', 'week', 'changes'] as const;
type Tab = (typeof TABS)[number];

/**
 * The fund calendar (docs/working-days.md): each year's days off beside the law's, the working
 * week, and the change history. The tab, the year and the history page live in the address
 * (`?tab=&year=&page=`). Staff read it; only an admin edits (the server refuses the others).
 */
export function CalendarPage() {
  const { t } = useTranslation(CALENDAR_NS);
  const [params, setParams] = useSearchParams();
  const admin = useHasRole('ADMIN');
  const workspace = useWorkspace();
  const businessYear = Number((workspace.data?.businessDate ?? '').slice(0, 4)) || new Date().getFullYear();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'year';
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1900 && yearParam <= 2199 ? yearParam : businessYear;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t('title')} crumbs={admin ? [{ label: t('crumb') }] : []} />
      {!admin && (
        <Alert color="gray" variant="light" mb="md" data-testid="calendar-read-only">
          {t('readOnly')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => set({ tab: v === 'year' ? null : v, page: null })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="year">
          <CalendarYearPanel year={year} around={businessYear} onYear={(y) => set({ year: String(y) })} canEdit={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="week">
          <CalendarWeekPanel canEdit={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="changes">
          <CalendarChangesPanel page={page} onPage={(p) => set({ page: String(p) })} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
