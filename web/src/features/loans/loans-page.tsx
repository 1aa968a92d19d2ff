import { Anchor, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { LoanStatusBadge } from './loan-status-badge';
import { LOANS_NS } from './loans-i18n';
import { useBorrowerName, useLoans, type LoanStatus } from './loans-queries';
import { PagingFooter } from '../../shared/ui/paging-footer';

const STATUSES: LoanStatus[] = ['PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF'];
const PAGE_SIZE = 20;

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation(LOANS_NS);
  const [text, setText] = useState(initial);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} />
        <Button type="submit" variant="default">
          {t('common:actions.search')}
        </Button>
      </Group>
    </form>
  );
}

/**
 * Loans with the filters in the address (`?status=&overdue=true&borrowerId=&q=&page=`), paged on the
 * server. The overdue list comes most days past due first (the home page's "overdue today" queue).
 */
export function LoansPage() {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as LoanStatus | undefined;
  const overdue = params.get('overdue') === 'true';
  const borrowerId = params.get('borrowerId') || undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useLoans({
    status,
    overdue: overdue ? 'true' : undefined,
    borrowerId,
    contractNumber: q || undefined,
    sort: overdue ? 'dpd' : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const borrowerName = useBorrowerName(borrowerId);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const filtered = Boolean(status || overdue || borrowerId || q);
  const data = list.data;

  return (
    <>
      <PageHeader title={t('title')} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchBox key={q} initial={q} onSearch={(text) => setFilter('q', text || null)} />
        <Select
          label={t('columns.status')}
          placeholder={t('allStatuses')}
          data={STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={210}
        />
        <Checkbox label={t('overdueOnly')} checked={overdue} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : null)} mb={8} />
        {borrowerId && (
          <Text size="sm" mb={8} data-testid="borrower-filter">
            {t('borrowerFilter', { name: borrowerName.data ?? borrowerId })}
          </Text>
        )}
        {filtered && (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('common:actions.clear')}
          </Button>
        )}
      </Group>

      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={filtered ? t('empty') : t('emptyAll')} hint={filtered ? t('emptyHint') : t('emptyAllHint')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={1080}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('title')} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.contract')}</Table.Th>
                  <Table.Th>{t('columns.borrower')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th ta="right">{t('columns.approved')}</Table.Th>
                  <Table.Th ta="right">{t('columns.outstanding')}</Table.Th>
                  <Table.Th ta="right">{t('columns.dpd')}</Table.Th>
                  <Table.Th>{t('columns.group')}</Table.Th>
                  <Table.Th>{t('columns.nextDue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/loans/${l.id}`} fw={600} size="sm">
                        {l.contractNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/borrowers/${l.borrowerId}`} size="sm">
                        {l.borrowerName ?? l.borrowerId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <LoanStatusBadge status={l.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={l.approvedAmount} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={l.outstandingPrincipal} />
                    </Table.Td>
                    <Table.Td ta="right" className="num">
                      {formatCount(l.daysPastDue, lang)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <DebtGroupBadge group={l.debtGroup} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {l.nextDueDate ? (
                        <>
                          {formatDate(l.nextDueDate)}
                          <Text size="xs" c="dimmed" component="div">
                            <MoneyText value={l.nextDueAmount} />
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
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
