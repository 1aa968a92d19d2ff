import { Group, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { CALENDAR_NS } from './calendar-i18n';
import { useCalendarChanges } from './calendar-queries';

const PAGE_SIZE = 20;

/** The audit trail of the calendar: when, who, what, and how many loans and installments it moved. */
export function CalendarChangesPanel({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const { t, i18n } = useTranslation(CALENDAR_NS);
  const lang = toLanguage(i18n.language);
  const q = useCalendarChanges(page, PAGE_SIZE);
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <TableSkeleton />;
  const data = q.data;
  if (data.items.length === 0) return <EmptyState title={t('changes.empty')} hint={t('changes.emptyHint')} />;
  const totalPages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const from = (data.page - 1) * data.pageSize + 1;
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label={t('changes.caption')} data-testid="calendar-changes" style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('changes.columns.at')}</Table.Th>
              <Table.Th>{t('changes.columns.who')}</Table.Th>
              <Table.Th>{t('changes.columns.what')}</Table.Th>
              <Table.Th>{t('changes.columns.businessDate')}</Table.Th>
              <Table.Th className="num">{t('changes.columns.loans')}</Table.Th>
              <Table.Th className="num">{t('changes.columns.installments')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(c.createdAt)}</Table.Td>
                <Table.Td>{c.createdByName}</Table.Td>
                <Table.Td>{c.kind === 'YEAR' ? t('changes.kindYear', { year: c.year }) : t('changes.kindWeek')}</Table.Td>
                <Table.Td>{formatDate(c.businessDate)}</Table.Td>
                <Table.Td className="num">{formatCount(c.loansMoved, lang)}</Table.Td>
                <Table.Td className="num">{formatCount(c.installmentsMoved, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {t('common:paging.summary', {
            from: formatCount(from, lang),
            to: formatCount(from + data.items.length - 1, lang),
            total: formatCount(data.total, lang),
          })}
        </Text>
        {totalPages > 1 && <Pagination total={totalPages} value={page} onChange={onPage} aria-label={t('common:paging.label')} />}
      </Group>
    </>
  );
}
