import { Anchor, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount, formatMoney } from '../../shared/format/money';
import { formatDecimal, formatPercent } from '../../shared/format/percent';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { sumMoney } from './loan-sums';
import { LOANS_NS } from './loans-i18n';
import { useCapitalSource, useDebtGroups, type Loan } from './loans-queries';

function Figure({ label, children, testId, strong = false }: { label: string; children: ReactNode; testId?: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} ta="right">
        {children}
      </Text>
    </Group>
  );
}

const TERMS_GRID = { display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', gap: '6px 16px', margin: 0 } as const;

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </>
  );
}

/** Tổng quan: balances, days past due, the debt group with its history, the contract terms. */
export function LoanOverviewTab({ loan }: { loan: Loan }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const groups = useDebtGroups(loan.id);
  const source = useCapitalSource(loan.capitalSourceId, true);
  const terms = loan.terms;
  const penalty = sumMoney([loan.overdueInterest, loan.lateInterest]);
  const totalOverdue = sumMoney([loan.overduePrincipal, loan.overdueInterest, loan.lateInterest]);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md" radius="md" data-testid="balances">
          <Title order={2} size="h4" mb="xs">
            {t('overview.balances')}
          </Title>
          {loan.status === 'PENDING_DISBURSEMENT' ? (
            <Text size="sm">{t('overview.notDisbursed')}</Text>
          ) : (
            <Stack gap={6}>
              <Figure label={t('overview.outstandingPrincipal')} testId="balance-principal" strong>
                <MoneyText value={loan.outstandingPrincipal} />
              </Figure>
              <Figure label={t('overview.billedInterest')}>
                <MoneyText value={loan.billedUnpaidInterest} />
              </Figure>
              <Figure label={t('overview.accruedInterest')}>
                <MoneyText value={loan.accruedInterest} />
              </Figure>
              <Figure label={t('overview.penalty')} testId="balance-penalty">
                <MoneyText value={penalty} />
              </Figure>
              {loan.asOf && (
                <Text size="xs" c="dimmed">
                  {t('overview.asOf', { date: formatDate(loan.asOf) })}
                </Text>
              )}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" data-testid="overdue">
          <Title order={2} size="h4" mb="xs">
            {t('overview.totalOverdue')}
          </Title>
          <Stack gap={6}>
            <Figure label={t('overview.overduePrincipal')}>
              <MoneyText value={loan.overduePrincipal} />
            </Figure>
            <Figure label={t('overview.overdueInterest')}>
              <MoneyText value={loan.overdueInterest} />
            </Figure>
            <Figure label={t('overview.lateInterest')}>
              <MoneyText value={loan.lateInterest} />
            </Figure>
            <Figure label={t('overview.totalOverdue')} strong>
              <MoneyText value={totalOverdue} bold />
            </Figure>
            <Figure label={t('overview.dpd')} testId="dpd" strong>
              {t('overview.days', { count: loan.daysPastDue, formatted: formatCount(loan.daysPastDue, lang) })}
            </Figure>
            <Figure label={t('overview.nextDue')}>
              {loan.nextDueDate ? t('overview.nextDueValue', { amount: formatMoney(loan.nextDueAmount, lang), date: formatDate(loan.nextDueDate) }) : '—'}
            </Figure>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" data-testid="debt-group">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('overview.debtGroup')}
            </Title>
            <DebtGroupBadge group={loan.debtGroup} long />
          </Group>
          <Text size="sm" fw={600} mb={4}>
            {t('overview.groupHistory')}
          </Text>
          {groups.isPending && <TableSkeleton rows={2} />}
          {groups.isError && <ProblemAlert error={groups.error} onRetry={() => void groups.refetch()} />}
          {groups.data && groups.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('overview.noGroupChange')}
            </Text>
          )}
          {groups.data && groups.data.length > 0 && (
            <Table verticalSpacing={4} aria-label={t('overview.groupHistory')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.groupDate')}</Table.Th>
                  <Table.Th>{t('overview.groupFrom')}</Table.Th>
                  <Table.Th>{t('overview.groupTo')}</Table.Th>
                  <Table.Th>{t('overview.groupReason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...groups.data].reverse().map((g) => (
                  <Table.Tr key={g.date}>
                    <Table.Td>{formatDate(g.date)}</Table.Td>
                    <Table.Td>
                      <DebtGroupBadge group={g.fromGroup} />
                    </Table.Td>
                    <Table.Td>
                      <DebtGroupBadge group={g.toGroup} />
                    </Table.Td>
                    <Table.Td>{t(`overview.reasons.${g.reason}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('overview.terms')}
        </Title>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <dl style={TERMS_GRID}>
              <Term label={t('overview.approvedAmount')}>
                <MoneyText value={loan.approvedAmount} />
              </Term>
              <Term label={t('overview.disbursed')}>
                <MoneyText value={loan.principalDisbursed} />
              </Term>
              <Term label={t('overview.tranches')}>{t('overview.tranchesValue', { count: loan.trancheCount, max: terms.maxTranches })}</Term>
              <Term label={t('overview.signingDate')}>{formatDate(loan.signingDate)}</Term>
              <Term label={t('overview.startDate')}>{formatDate(loan.startDate)}</Term>
              <Term label={t('overview.maturityDate')}>{formatDate(loan.maturityDate)}</Term>
              {loan.closedOn && <Term label={t('overview.closedOn')}>{formatDate(loan.closedOn)}</Term>}
              <Term label={t('overview.capitalSource')}>{source.data?.name ?? '—'}</Term>
              <Term label={t('overview.application')}>
                <Anchor component={Link} to={`/applications/${loan.applicationId}`} size="sm">
                  #{loan.applicationId}
                </Anchor>
              </Term>
            </dl>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <dl style={TERMS_GRID}>
              <Term label={t('overview.term')}>{t('overview.termValue', { count: terms.termMonths })}</Term>
              <Term label={t('overview.rate')}>
                {t('overview.rateValue', {
                  annual: formatPercent(terms.annualInterestRatePercent, lang),
                  monthly: formatPercent(terms.monthlyInterestRatePercent, lang, 3),
                })}
              </Term>
              <Term label={t('overview.overdueRate')}>{t('overview.overdueRateValue', { multiplier: formatDecimal(terms.overdueMultiplier, lang) })}</Term>
              <Term label={t('overview.lateRate')}>{formatPercent(terms.lateInterestRatePercent, lang)}</Term>
              <Term label={t('overview.method')}>{t(`methods.${terms.amortizationMethod}`)}</Term>
              <Term label={t('overview.frequency')}>
                {t(`frequencies.${terms.principalFrequency}`)} / {t(`frequencies.${terms.interestFrequency}`)}
              </Term>
              <Term label={t('overview.grace')}>{t('overview.graceValue', { count: terms.gracePeriods })}</Term>
              <Term label={t('overview.allocationOrder')}>{terms.allocationOrder.map((s) => t(`steps.${s}`)).join(' → ')}</Term>
            </dl>
          </Grid.Col>
        </Grid>
      </Paper>
    </Stack>
  );
}
