import { Alert, Anchor, Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../shared/auth/use-me';
import { formatDate, formatInstant } from '../../shared/format/date';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { DecisionPanel } from '../approvals/decision-panel';
import { APPROVALS_NS } from '../approvals/approvals-i18n';
import { FindingBadge } from './inspection-badges';
import { LOAN_FILE_NS } from './loan-file-i18n';
import { useDecideRecall, useRecallCase } from './loan-file-queries';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** A recall case (thu hồi nợ trước hạn) in the approvers' queue: the finding, the date, four eyes. */
export function RecallCasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(LOAN_FILE_NS);
  const { t: ta } = useTranslation(APPROVALS_NS);
  const me = useMe();
  const c = useRecallCase(id);
  const decide = useDecideRecall(id);
  if (c.isPending) return <TableSkeleton rows={4} />;
  if (c.isError) return <ProblemAlert error={c.error} onRetry={() => void c.refetch()} />;
  const r = c.data;
  return (
    <>
      <PageHeader
        title={t('recall.caseTitle', { contract: r.contractNumber })}
        crumbs={[{ label: ta('title'), to: '/approvals' }, { label: r.contractNumber }]}
        badge={
          <Badge variant="filled" color="blue.8">
            {t(`recall.status.${r.status}`)}
          </Badge>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label={t('inspection.borrower')}>{r.borrowerName}</Fact>
            <Fact label={t('inspection.loan')}>
              <Anchor component={Link} to={`/loans/${r.loanId}?tab=inspections`}>
                {r.contractNumber}
              </Anchor>
            </Fact>
            <Fact label={t('recall.finding')}>
              <FindingBadge finding={r.finding} />
            </Fact>
            <Fact label={t('recall.recallDate')}>{formatDate(r.recallDate)}</Fact>
            <Fact label={t('recall.outstanding')}>
              <MoneyText value={r.outstandingPrincipal} />
            </Fact>
            <Fact label={t('recall.proposedBy')}>
              {r.proposedByName} · {formatInstant(r.proposedAt)}
            </Fact>
            {r.decidedByName && (
              <Fact label={t('recall.decidedBy')}>
                {r.decidedByName} · {formatInstant(r.decidedAt)}
                {r.decisionNote ? ` · ${r.decisionNote}` : ''}
              </Fact>
            )}
            {r.principalRecalled && (
              <Fact label={t('recall.principalRecalled')}>
                <MoneyText value={r.principalRecalled} />
              </Fact>
            )}
          </SimpleGrid>
          <Title order={2} size="h5" mt="md">
            {t('recall.reason')}
          </Title>
          <Text size="sm">{r.reason}</Text>
        </Paper>
        {r.status === 'PROPOSED' && <Alert color="blue">{t('recall.willDo')}</Alert>}
        <DecisionPanel
          open={r.status === 'PROPOSED'}
          preparedByMe={me.data?.id === r.proposedBy}
          pending={decide.isPending}
          onDecide={(verdict, note) => decide.mutateAsync({ verdict, note })}
        />
      </Stack>
    </>
  );
}
