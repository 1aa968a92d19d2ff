import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../shared/api/client';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatPercent } from '../../shared/format/percent';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { LOANS_NS } from './loans-i18n';

// Shades with at least 4.5:1 for white text (Mantine's 6 shades are lighter).
const STATE_COLORS: Record<string, string> = { OK: '#1e7b34', DUE_SOON: '#8a4b00', EXPIRED: '#7a0c0c' };

function State({ state }: { state: string | undefined }) {
  const { t } = useTranslation(LOANS_NS);
  if (!state) return <Text c="dimmed">—</Text>;
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray.7'} variant="filled" style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`collateral.states.${state}`)}
    </Badge>
  );
}

/** Tài sản bảo đảm: the loan's assets with their allocated values, valuations, registration, insurance, the cover against the minimum, and guarantees. */
export function LoanCollateralTab({ loanId }: { loanId: string }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const q = useQuery({
    queryKey: ['loans', loanId, 'collateral'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/collateral', { params: { path: { id: loanId } } })),
  });
  if (q.isPending) return <TableSkeleton rows={3} />;
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  const { cover, assets, guarantees, staleCount } = q.data;
  const ratio = cover.ratioPercent === null ? '—' : formatPercent(cover.ratioPercent, lang, 2);
  return (
    <>
      {staleCount > 0 && (
        <Alert color="orange" mb="md" title={t('collateral.staleTitle')}>
          {t('collateral.stale', { count: staleCount })}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('collateral.cover')}
          </Title>
          {cover.required ? (
            <Badge color={cover.passed ? '#1e7b34' : '#7a0c0c'}>
              {cover.exempt ? t('collateral.exempt') : cover.passed ? t('collateral.passed') : t('collateral.short')}
            </Badge>
          ) : (
            <Badge color="gray.7">{t('collateral.notRequired')}</Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t('collateral.rule')}
            </Text>
            <Text>
              {cover.basis === 'LTV' ? t('collateral.ltvRule', { max: cover.maxLtvPercent }) : t('collateral.discountedRule', { min: cover.minCoverPercent })}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('collateral.exposure')}
            </Text>
            <MoneyText value={cover.exposure} />
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {cover.basis === 'LTV' ? t('collateral.collateralValue') : t('collateral.discountedValue')}
            </Text>
            <MoneyText value={cover.actualValue} bold />
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('collateral.requiredValue')}
            </Text>
            <MoneyText value={cover.requiredValue} />{' '}
            <Text span size="sm" c="dimmed">
              ({ratio})
            </Text>
          </div>
        </SimpleGrid>
      </Paper>
      {assets.length === 0 ? (
        <EmptyState title={t('collateral.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped verticalSpacing="xs" aria-label={t('tabs.collateral')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('collateral.asset')}</Table.Th>
                <Table.Th ta="right">{t('collateral.valueInForce')}</Table.Th>
                <Table.Th ta="right">{t('collateral.allocated')}</Table.Th>
                <Table.Th ta="right">{t('collateral.effective')}</Table.Th>
                <Table.Th>{t('collateral.valuation')}</Table.Th>
                <Table.Th>{t('collateral.registration')}</Table.Th>
                <Table.Th>{t('collateral.insurance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assets.map((a) => {
                const pledge = a.pledges.find((p) => p.loanId === loanId);
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/collateral/${a.id}`}>
                        {a.description}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`collateral.types.${a.type}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={a.valueInForce} />
                      <Text size="xs" c="dimmed">
                        {formatDate(a.valuationDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={pledge?.allocatedValue} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={pledge?.effectiveValue} />
                    </Table.Td>
                    <Table.Td>
                      <State state={a.valuationState} />
                    </Table.Td>
                    <Table.Td>
                      <State state={a.registration?.state} />
                    </Table.Td>
                    <Table.Td>
                      <State state={a.insurance?.state} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2} size="h4" mt="lg" mb="sm">
        {t('collateral.guarantees')}
      </Title>
      {guarantees.length === 0 ? (
        <Text c="dimmed">{t('collateral.noGuarantees')}</Text>
      ) : (
        <Table striped aria-label={t('collateral.guarantees')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('collateral.guarantor')}</Table.Th>
              <Table.Th ta="right">{t('collateral.guaranteedAmount')}</Table.Th>
              <Table.Th>{t('collateral.document')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {guarantees.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>{g.guarantorName}</Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={g.guaranteedAmount} />
                </Table.Td>
                <Table.Td>
                  {g.documentReference} · {formatDate(g.signedOn)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
