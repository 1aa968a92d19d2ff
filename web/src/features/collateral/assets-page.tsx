import { Anchor, Badge, Button, Group, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { COLLATERAL_NS } from './collateral-i18n';
import { useAssets, useBorrowerOptions } from './collateral-queries';
import { StateBadge } from './state-badge';

/** The assets of a borrower (`?borrowerId=`), or of every borrower: value in force, allocations, stale flags. */
export function AssetsPage() {
  const { t } = useTranslation(COLLATERAL_NS);
  const [params, setParams] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const borrowerId = params.get('borrowerId');
  const borrowers = useBorrowerOptions();
  const list = useAssets(borrowerId);
  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={
          officer && (
            <Button component={Link} to={borrowerId ? `/collateral/new?borrowerId=${borrowerId}` : '/collateral/new'}>
              {t('register')}
            </Button>
          )
        }
      />
      <Group mb="md">
        <Select
          label={t('borrower')}
          placeholder={t('allBorrowers')}
          searchable
          clearable
          w={360}
          data={(borrowers.data?.items ?? []).map((b) => ({ value: b.id, label: b.legalName }))}
          value={borrowerId}
          onChange={(v) => setParams(v ? { borrowerId: v } : {})}
        />
      </Group>
      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="xs" aria-label={t('listTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.asset')}</Table.Th>
                <Table.Th>{t('borrower')}</Table.Th>
                <Table.Th>{t('columns.type')}</Table.Th>
                <Table.Th ta="right">{t('figures.valueInForce')}</Table.Th>
                <Table.Th ta="right">{t('figures.allocated')}</Table.Th>
                <Table.Th>{t('columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/collateral/${a.id}`}>
                      {a.description}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.borrowerName}</Table.Td>
                  <Table.Td>{t(`kinds.${a.kind}`)}</Table.Td>
                  <Table.Td ta="right">
                    <MoneyText value={a.valueInForce} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MoneyText value={a.allocated} />
                  </Table.Td>
                  <Table.Td>
                    {a.status === 'ACTIVE' ? (
                      <StateBadge state={a.valuationState} kind="valuation" />
                    ) : (
                      <Badge color="gray.7">{t(`statuses.${a.status}`)}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
