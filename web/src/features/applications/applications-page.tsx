import { Anchor, Button, Group, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { formatInstant } from '../../shared/format/date';
import { ApplicationStatusBadge } from '../../shared/lending/application-status-badge';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { APPLICATIONS_NS } from './applications-i18n';
import { useApplications, type ApplicationFilters, type ApplicationStatus } from './applications-queries';
import { BorrowerPicker } from './borrower-picker';
import { PagingFooter } from '../../shared/ui/paging-footer';

const STATUSES: ApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
const QUEUES = ['to-appraise', 'awaiting-approval'] as const;
const PAGE_SIZE = 20;

/** Applications: filters in the address (`?queue=&status=&borrowerId=&page=`), paged on the server. */
export function ApplicationsPage() {
  const { t } = useTranslation(APPLICATIONS_NS);
  const [params, setParams] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const status = (params.get('status') ?? undefined) as ApplicationStatus | undefined;
  const queueParam = params.get('queue');
  const queue = QUEUES.find((q) => q === queueParam);
  const borrowerId = params.get('borrowerId') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters: ApplicationFilters = { status, queue, borrowerId, page, pageSize: PAGE_SIZE };
  const list = useApplications(filters);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const filtered = Boolean(status || queue || borrowerId);
  const data = list.data;
  const createButton = officer && (
    <Button component={Link} to="/applications/new">
      {t('create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={queue ? `${t('title')} — ${t(`queues.${queue}`)}` : t('title')} actions={createButton} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label={t('filters.queue')}
          placeholder={t('filters.allQueues')}
          data={QUEUES.map((q) => ({ value: q, label: t(`queues.${q}`) }))}
          value={queue ?? null}
          onChange={(v) => setFilter('queue', v)}
          clearable
          w={190}
        />
        <Select
          label={t('filters.status')}
          placeholder={t('filters.allStatuses')}
          data={STATUSES.map((s) => ({ value: s, label: t(`${LENDING_NS}:status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={190}
        />
        <BorrowerPicker
          label={t('filters.borrower')}
          placeholder={t('fields.borrowerSearch')}
          value={borrowerId ?? null}
          onChange={(v) => setFilter('borrowerId', v)}
          w={340}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('common:actions.clear')}
          </Button>
        )}
      </Group>

      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && (
        <EmptyState title={filtered ? t('empty') : t('emptyAll')} hint={filtered ? t('emptyHint') : t('emptyAllHint')} action={createButton} />
      )}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('title')} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('columns.id')}</Table.Th>
                  <Table.Th>{t('columns.borrower')}</Table.Th>
                  <Table.Th>{t('columns.product')}</Table.Th>
                  <Table.Th ta="right">{t('columns.amount')}</Table.Th>
                  <Table.Th ta="right">{t('columns.term')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td className="num">
                      <Anchor component={Link} to={`/applications/${a.id}`} fw={600} size="sm" aria-label={t('one', { id: a.id })}>
                        {a.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/applications/${a.id}`} size="sm">
                        {a.borrowerName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.productName}</Table.Td>
                    <Table.Td className="num">
                      <MoneyText value={a.requestedAmount} />
                    </Table.Td>
                    <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                      {t('months', { count: a.termMonths })}
                    </Table.Td>
                    <Table.Td>
                      <ApplicationStatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagingFooter page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} />
        </>
      )}
    </>
  );
}
