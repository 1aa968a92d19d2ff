import { Anchor, Badge, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatInstant } from '../../shared/format/date';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { APPROVALS_NS } from './approvals-i18n';
import { useApprovals, type ApprovalItem, type ApprovalKind } from './approvals-queries';
import { PagingFooter } from '../../shared/ui/paging-footer';
import { ReleaseCases } from './release-cases';

const KINDS: ApprovalKind[] = ['APPLICATION', 'RESTRUCTURING', 'WRITE_OFF', 'RECALL'];
const PAGE_SIZE = 20;
const KIND_COLOR: Record<ApprovalKind, string> = { APPLICATION: 'blue.8', RESTRUCTURING: '#8a4b00', WRITE_OFF: '#c92a2a', RECALL: '#862e9c' };

/** The address of a case's page. */
export function caseAddress(i: ApprovalItem): string {
  if (i.kind === 'APPLICATION') return `/approvals/applications/${i.id}`;
  if (i.kind === 'RECALL') return `/approvals/recalls/${i.id}`;
  return i.kind === 'RESTRUCTURING' ? `/approvals/loans/${i.loanId}/restructurings/${i.id}` : `/approvals/loans/${i.loanId}/write-offs/${i.id}`;
}

/** One queue of the cases awaiting a decision, oldest first (`?kind=&page=` in the address). */
export function ApprovalsPage() {
  const { t } = useTranslation(APPROVALS_NS);
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = KINDS.find((k) => k === kindParam);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useApprovals({ kind, page, pageSize: PAGE_SIZE });
  const data = list.data;

  return (
    <>
      <PageHeader title={t('title')} />
      <SegmentedControl
        mb="md"
        aria-label={t('filters.kind')}
        value={kind ?? 'ALL'}
        onChange={(v) => setParams(v === 'ALL' ? new URLSearchParams() : new URLSearchParams({ kind: v }))}
        data={[{ value: 'ALL', label: t('filters.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
      />
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('empty')} hint={t('emptyHint')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.kind')}</Table.Th>
                  <Table.Th>{t('columns.borrower')}</Table.Th>
                  <Table.Th ta="right">{t('columns.amount')}</Table.Th>
                  <Table.Th>{t('columns.preparedBy')}</Table.Th>
                  <Table.Th>{t('columns.preparedAt')}</Table.Th>
                  <Table.Th>{t('columns.open')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={`${i.kind}-${i.id}`} data-testid={`approval-${i.kind}-${i.id}`}>
                    <Table.Td>
                      <Badge color={KIND_COLOR[i.kind]} variant="filled">
                        {t(`kinds.${i.kind}`)}
                      </Badge>
                      {i.restructuringType && (
                        <Text size="xs" c="dimmed">
                          {t(`restructuringTypes.${i.restructuringType}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {i.borrowerName}
                      {i.contractNumber && (
                        <Text size="xs" c="dimmed">
                          {i.contractNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="num">
                      <MoneyText value={i.amount} />
                      <Text size="xs" c="dimmed">
                        {t(`amountHint.${i.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {i.preparedBy.map((p) => p.displayName).join(', ')}
                      {i.preparedByMe && (
                        <Text size="xs" c="#8a4b00" fw={600}>
                          {t('yours')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(i.preparedAt)}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={caseAddress(i)}
                        size="sm"
                        aria-label={t('openCase', { kind: t(`kinds.${i.kind}`), borrower: i.borrowerName })}
                      >
                        {t('open')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagingFooter page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} />
        </>
      )}
      <ReleaseCases />
    </>
  );
}
