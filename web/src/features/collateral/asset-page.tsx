import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/problem';
import { useHasRole } from '../../shared/auth/use-me';
import { formatDate } from '../../shared/format/date';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { AssetDialogs, type AssetDialog } from './asset-dialogs';
import { COLLATERAL_NS } from './collateral-i18n';
import { IDENTIFIERS, useAsset, type Asset, type CreateAsset } from './collateral-queries';

/** The identifiers in the order the certificate shows them (the kind's list), then any other. */
function orderedIdentifiers(a: Asset): Array<[string, string]> {
  const order = (IDENTIFIERS[a.kind as CreateAsset['kind']] ?? []).map((f) => f.name);
  return Object.entries(a.identifiers).sort(([x], [y]) => (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99));
}
import { openReleaseDocument } from './release-document';
import { StateBadge } from './state-badge';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Paper>
  );
}

/** One asset: identifiers and owner, the value in force and its allocations, valuations, pledges, registration, insurance, releases. */
export function AssetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(COLLATERAL_NS);
  const officer = useHasRole('OFFICER');
  const asset = useAsset(id);
  const [dialog, setDialog] = useState<AssetDialog>(null);
  if (asset.isPending) return <TableSkeleton />;
  if (asset.isError) {
    if (isApiError(asset.error) && asset.error.problem.status === 404) return <EmptyState title={t('notFound')} />;
    return <ProblemAlert error={asset.error} onRetry={() => void asset.refetch()} />;
  }
  const a = asset.data;
  const active = a.status === 'ACTIVE';
  const open = a.releases.some((r) => r.status === 'PROPOSED');
  return (
    <>
      <PageHeader
        title={a.description}
        crumbs={[{ label: t('title'), to: `/collateral?borrowerId=${a.borrowerId}` }, { label: a.description }]}
        badge={<Badge color={active ? '#1e7b34' : 'gray.7'}>{t(`statuses.${a.status}`)}</Badge>}
        actions={
          officer &&
          active && (
            <>
              <Button onClick={() => setDialog('pledge')}>{t('actions.pledge')}</Button>
              <Button variant="default" onClick={() => setDialog('valuation')}>
                {t('actions.addValuation')}
              </Button>
              <Button variant="default" onClick={() => setDialog('registration')}>
                {t('actions.register')}
              </Button>
              <Button variant="default" onClick={() => setDialog('insurance')}>
                {t('actions.insure')}
              </Button>
              {!open && (
                <Button variant="default" color="red" onClick={() => setDialog('release')}>
                  {t('actions.release')}
                </Button>
              )}
            </>
          )
        }
      />
      <Group gap="xs" mt={-8} mb="md">
        <Text size="sm" c="dimmed">
          {t('borrower')}:
        </Text>
        <Anchor component={Link} to={`/borrowers/${a.borrowerId}`} size="sm" fw={600}>
          {a.borrowerName}
        </Anchor>
      </Group>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Figure label={t('figures.valueInForce')}>
            <MoneyText value={a.valueInForce} />
          </Figure>
          <Figure label={t('figures.allocated')}>
            <MoneyText value={a.allocated} />
          </Figure>
          <Figure label={t('figures.headroom')}>
            <MoneyText value={a.headroom} />
          </Figure>
          <Figure label={t('figures.revaluationDue')}>
            <Group gap="xs">
              <span>{formatDate(a.revaluationDue)}</span>
              <StateBadge state={a.valuationState} kind="valuation" />
            </Group>
          </Figure>
        </SimpleGrid>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('sections.identity')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Text size="xs" c="dimmed">
                {t('fields.type')}
              </Text>
              <Text>{t(`types.${a.type}`)}</Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Text size="xs" c="dimmed">
                {t('fields.kind')}
              </Text>
              <Text>{t(`kinds.${a.kind}`)}</Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Text size="xs" c="dimmed">
                {t('fields.ownerKind')}
              </Text>
              <Text>
                {a.ownerKind === 'BORROWER' ? t('fields.owners.BORROWER') : `${a.ownerName ?? ''} — ${a.ownerRelationship ?? ''} (${a.ownerIdNumber ?? ''})`}
              </Text>
            </Grid.Col>
            {orderedIdentifiers(a).map(([k, v]) => (
              <Grid.Col key={k} span={{ base: 12, sm: 6, md: 4 }}>
                <Text size="xs" c="dimmed">
                  {t(`identifiers.${k}`)}
                </Text>
                <Text>{v}</Text>
              </Grid.Col>
            ))}
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('sections.pledges')}
          </Title>
          {a.pledges.length === 0 ? (
            <Text c="dimmed">{t('none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label={t('sections.pledges')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.target')}</Table.Th>
                    <Table.Th ta="right">{t('columns.allocated')}</Table.Th>
                    <Table.Th ta="right">{t('columns.effective')}</Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.pledges.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        {p.loanId ? (
                          <Anchor component={Link} to={`/loans/${p.loanId}?tab=collateral`}>
                            {p.contractNumber}
                          </Anchor>
                        ) : (
                          <Anchor component={Link} to={`/applications/${p.applicationId ?? ''}`}>
                            {t('application', { id: p.applicationId })}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <MoneyText value={p.allocatedValue} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <MoneyText value={p.effectiveValue} />
                      </Table.Td>
                      <Table.Td>{t(`pledgeStatuses.${p.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('sections.valuations')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('sections.valuations')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.date')}</Table.Th>
                  <Table.Th ta="right">{t('columns.value')}</Table.Th>
                  <Table.Th>{t('columns.method')}</Table.Th>
                  <Table.Th>{t('columns.valuer')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.valuations.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{formatDate(v.valuationDate)}</Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={v.value} />
                    </Table.Td>
                    <Table.Td>{t(`fields.methods.${v.method}`)}</Table.Td>
                    <Table.Td>
                      {v.valuerName} ({t(`fields.valuers.${v.valuerKind}`)})
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('sections.registration')}
            </Title>
            {a.registration ? (
              <Stack gap={4}>
                <Text>
                  {a.registration.registrationNumber} — {a.registration.office}
                </Text>
                <Group gap="xs">
                  <Text size="sm">
                    {formatDate(a.registration.registrationDate)} → {a.registration.expiryDate ? formatDate(a.registration.expiryDate) : '—'}
                  </Text>
                  <StateBadge state={a.registration.state} />
                </Group>
              </Stack>
            ) : (
              <Text c="dimmed">{t('none')}</Text>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('sections.insurance')}
            </Title>
            {a.insurance ? (
              <Stack gap={4}>
                <Text>
                  {a.insurance.insurer} — {a.insurance.policyNumber}
                </Text>
                <Group gap="xs">
                  <Text size="sm">
                    {formatDate(a.insurance.startDate)} → {formatDate(a.insurance.expiryDate)}
                  </Text>
                  <StateBadge state={a.insurance.state} />
                </Group>
              </Stack>
            ) : (
              <Text c="dimmed">{t('none')}</Text>
            )}
          </Paper>
        </SimpleGrid>
        {a.releases.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('sections.releases')}
            </Title>
            {a.releases.map((r) => (
              <Group key={r.id} justify="space-between" mb="xs">
                <Text size="sm">
                  {r.reason} — {t(`releaseStatuses.${r.status}`)}
                </Text>
                <Button size="xs" variant="default" onClick={() => void openReleaseDocument(r.id)}>
                  {t('actions.print')}
                </Button>
              </Group>
            ))}
          </Paper>
        )}
      </Stack>
      <AssetDialogs asset={a} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
