import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasRole, useMe } from '../../shared/auth/use-me';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount, formatMoney } from '../../shared/format/money';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { HOME_NS } from './home-i18n';
import { useWorkQueues } from './use-work-queues';

function QueueCard({
  title,
  count,
  hint,
  to,
  testId,
  children,
}: {
  title: string;
  count: number;
  hint?: string;
  to: string;
  testId: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation(HOME_NS);
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Stack gap={6} h="100%">
        <Text size="sm" fw={600} c="dimmed">
          {title}
        </Text>
        <Text fz={32} fw={700} className="num" ta="left" lh={1}>
          {formatCount(count, toLanguage(i18n.language))}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        {children}
        <Anchor component={Link} to={to} size="sm" mt="auto" aria-label={`${t('open')}: ${title}`}>
          {t('open')}
          <span aria-hidden> →</span>
        </Anchor>
      </Stack>
    </Card>
  );
}

// Filled shades with at least 4.5:1 for white text.
const CLOSE_COLOR: Record<string, string> = { QUEUED: 'gray.7', RUNNING: 'blue.8', SUCCEEDED: '#1e7b34', FAILED: '#c92a2a' };

export function HomePage() {
  const { t, i18n } = useTranslation(HOME_NS);
  const lang = toLanguage(i18n.language);
  const me = useMe().data;
  const queues = useWorkQueues();
  const approver = useHasRole('APPROVER');
  const q = queues.data;

  return (
    <>
      <PageHeader title={t('title')} />
      {me && (
        <Text mb="md" size="lg">
          {t('greeting', { name: me.displayName })}
          {q && (
            <Text span c="dimmed" size="md">
              {' — '}
              {t('today', { date: formatDate(q.businessDate) })}
            </Text>
          )}
        </Text>
      )}
      {queues.isError && <ProblemAlert error={queues.error} onRetry={() => void queues.refetch()} />}
      {queues.isPending && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={150} radius="md" />
          ))}
        </SimpleGrid>
      )}
      {q && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {approver && (
            <QueueCard
              testId="queue-awaiting-approval"
              title={t('queues.awaitingApproval')}
              count={
                q.applicationsAwaitingApproval +
                q.restructuringsAwaitingApproval +
                q.writeOffsAwaitingApproval +
                q.recallsAwaitingApproval +
                q.collateralReleasesAwaitingApproval
              }
              hint={t('queues.awaitingApprovalHint')}
              to="/approvals"
            >
              <Text size="xs">
                {t('queues.restructurings')}: <span className="num">{q.restructuringsAwaitingApproval}</span> · {t('queues.writeOffs')}:{' '}
                <span className="num">{q.writeOffsAwaitingApproval}</span> · {t('queues.recalls')}: <span className="num">{q.recallsAwaitingApproval}</span> ·{' '}
                {t('queues.releases')}: <span className="num">{q.collateralReleasesAwaitingApproval}</span>
              </Text>
            </QueueCard>
          )}
          <QueueCard
            testId="queue-to-appraise"
            title={t('queues.toAppraise')}
            count={q.applicationsToAppraise}
            hint={t('queues.toAppraiseHint')}
            to="/applications?queue=to-appraise"
          />
          {!approver && (
            <QueueCard
              testId="queue-awaiting-approval"
              title={t('queues.awaitingApproval')}
              count={q.applicationsAwaitingApproval}
              hint={t('queues.awaitingApprovalHint')}
              to="/applications?status=UNDER_APPRAISAL"
            />
          )}
          <QueueCard
            testId="queue-approved-not-disbursed"
            title={t('queues.approvedNotDisbursed')}
            count={q.approvedNotDisbursed}
            hint={t('queues.approvedNotDisbursedHint')}
            to="/loans?status=PENDING_DISBURSEMENT"
          />
          <QueueCard testId="queue-overdue" title={t('queues.overdue')} count={q.overdueLoans} hint={t('queues.overdueHint')} to="/loans?overdue=true">
            <Table withRowBorders={false} verticalSpacing={2} fz="xs">
              <Table.Tbody>
                {q.overdueByDpd.map((b) => (
                  <Table.Tr key={b.fromDays}>
                    <Table.Td>{b.toDays === null ? t('dpd.over', { from: b.fromDays - 1 }) : t('dpd.range', { from: b.fromDays, to: b.toDays })}</Table.Td>
                    <Table.Td className="num">{t('dpd.loans', { count: b.loans })}</Table.Td>
                    <Table.Td className="num">{formatMoney(b.overdueAmount, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </QueueCard>
          <QueueCard
            testId="queue-inspections"
            title={t('queues.inspections')}
            count={q.inspectionsOverdue + q.inspectionsDue}
            hint={t('queues.inspectionsHint', { overdue: formatCount(q.inspectionsOverdue, lang), due: formatCount(q.inspectionsDue, lang) })}
            to={q.inspectionsOverdue > 0 ? '/inspections?status=OVERDUE' : '/inspections?status=DUE'}
          />
          <QueueCard
            testId="queue-collateral"
            title={t('queues.collateral')}
            count={q.collateralExpiring}
            hint={t('queues.collateralHint')}
            to="/reports/collateral"
          />
          <QueueCard
            testId="queue-unmatched"
            title={t('queues.unmatched')}
            count={q.importsWithUnmatchedLines}
            hint={t('queues.unmatchedHint', { lines: q.unmatchedLines })}
            to="/imports?unmatched=true"
          />
          <Card withBorder radius="md" padding="md" data-testid="queue-last-close">
            <Stack gap={6}>
              <Text size="sm" fw={600} c="dimmed">
                {t('queues.lastClose')}
              </Text>
              {q.lastClose ? (
                <>
                  <Group gap="xs">
                    <Text fw={700} size="lg">
                      {t('closeOf', { date: formatDate(q.lastClose.businessDate) })}
                    </Text>
                    <Badge color={CLOSE_COLOR[q.lastClose.status] ?? 'gray'}>{t(`closeStatus.${q.lastClose.status}`)}</Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('closeProgress', { done: q.lastClose.loansDone, total: q.lastClose.loansTotal })}
                    {q.lastClose.finishedAt && ` · ${formatInstant(q.lastClose.finishedAt)}`}
                  </Text>
                </>
              ) : (
                <Text size="sm">{t('queues.noClose')}</Text>
              )}
              <Anchor component={Link} to="/close" size="sm" aria-label={`${t('open')}: ${t('queues.lastClose')}`}>
                {t('open')}
                <span aria-hidden> →</span>
              </Anchor>
            </Stack>
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}
