import { Anchor, Group, Pagination, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ImportStatusBadge } from './import-status-badge';
import { IMPORTS_NS } from './imports-i18n';
import { useImports } from './imports-queries';
import { StatementUpload } from './statement-upload';

const PAGE_SIZE = 20;

/** Repayment imports, newest first; `?unmatched=true` (the home page's queue) keeps those with lines to assign. */
export function ImportsPage() {
  const { t, i18n } = useTranslation(IMPORTS_NS);
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const unmatched = params.get('unmatched') === 'true';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useImports({ unmatched: unmatched ? 'true' : undefined, page, pageSize: PAGE_SIZE });
  const data = list.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const count = (n: number) => formatCount(n, lang);

  return (
    <>
      <PageHeader title={t('title')} />
      {officer && <StatementUpload />}
      <Group mb="md">
        <Switch
          label={t('onlyUnmatched')}
          checked={unmatched}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.currentTarget.checked) next.set('unmatched', 'true');
            else next.delete('unmatched');
            next.delete('page');
            setParams(next);
          }}
        />
      </Group>
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && (
        <EmptyState title={unmatched ? t('emptyUnmatched') : t('empty')} hint={unmatched ? t('emptyUnmatchedHint') : t('emptyHint')} />
      )}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('title')} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.file')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th className="num">{t('columns.lines')}</Table.Th>
                  <Table.Th className="num">{t('columns.applied')}</Table.Th>
                  <Table.Th className="num">{t('columns.unmatched')}</Table.Th>
                  <Table.Th className="num">{t('columns.refused')}</Table.Th>
                  <Table.Th>{t('columns.createdBy')}</Table.Th>
                  <Table.Th>{t('columns.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/imports/${i.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {i.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td className="num">{count(i.progress.total)}</Table.Td>
                    <Table.Td className="num">{count(i.progress.applied)}</Table.Td>
                    <Table.Td className="num" fw={i.progress.unmatched > 0 ? 700 : undefined}>
                      {count(i.progress.unmatched)}
                    </Table.Td>
                    <Table.Td className="num">{count(i.progress.refused)}</Table.Td>
                    <Table.Td>{i.createdBy}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(i.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">
              {t('common:paging.summary', {
                from: count((page - 1) * PAGE_SIZE + 1),
                to: count((page - 1) * PAGE_SIZE + data.items.length),
                total: count(data.total),
              })}
            </Text>
            <Pagination
              total={totalPages}
              value={page}
              onChange={(p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              }}
              getControlProps={(control) => ({ 'aria-label': control })}
              aria-label={t('common:paging.label')}
            />
          </Group>
        </>
      )}
    </>
  );
}
