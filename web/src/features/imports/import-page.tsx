import { Alert, Anchor, Button, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { AssignLineDialog } from './assign-line-dialog';
import { ImportStatusBadge, OutcomeBadge } from './import-status-badge';
import { IMPORTS_NS } from './imports-i18n';
import { isRunning, useImport, type ImportLine, type LineOutcome } from './imports-queries';
import { useReasonText } from './reason-text';

const OUTCOMES: LineOutcome[] = ['APPLIED', 'UNMATCHED', 'REFUSED'];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700} className="num" ta="left">
        {value}
      </Text>
    </Card>
  );
}

/**
 * One statement import: the job's progress while it runs (polled until done, so the officer can
 * leave and come back), then each line's outcome with its loan, and the assignment of an
 * UNMATCHED line to a loan. `?outcome=` keeps the line filter in the address.
 */
export function ImportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(IMPORTS_NS);
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const query = useImport(id);
  const reasonText = useReasonText();
  const [assigning, setAssigning] = useState<ImportLine | null>(null);
  const data = query.data;
  const outcome = OUTCOMES.find((o) => o === params.get('outcome')) ?? null;
  const lines = (data?.lines ?? []).filter((l) => !outcome || l.outcome === outcome);
  const count = (n: number) => formatCount(n, lang);
  const crumbs = [{ label: t('title'), to: '/imports' }, { label: data?.fileName ?? id }];

  return (
    <>
      <PageHeader
        title={data ? t('detailTitle', { fileName: data.fileName }) : t('title')}
        crumbs={crumbs}
        badge={data && <ImportStatusBadge status={data.status} />}
      />
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <TableSkeleton />}
      {data && (
        <Stack gap="lg">
          {isRunning(data.status) && (
            <Card withBorder padding="md" radius="md" data-testid="import-progress">
              <Text fw={600} mb={6} id="import-progress-label">
                {t('progress.label')}
              </Text>
              <Progress value={Number(data.progress.percent)} size="lg" animated aria-labelledby="import-progress-label" />
              <Text size="sm" mt={6}>
                {t('progress.text', {
                  processed: count(data.progress.processed),
                  total: count(data.progress.total),
                  percent: formatPercent(data.progress.percent, lang),
                })}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('progress.leave')}
              </Text>
            </Card>
          )}
          {data.status === 'FAILED' && (
            <Alert color="red" role="alert">
              {t('progress.failed', { failure: data.failure ?? '' })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure testId="figure-total" label={t('summary.total')} value={count(data.progress.total)} />
            <Figure testId="figure-applied" label={t('summary.applied')} value={count(data.progress.applied)} />
            <Figure testId="figure-unmatched" label={t('summary.unmatched')} value={count(data.progress.unmatched)} />
            <Figure testId="figure-refused" label={t('summary.refused')} value={count(data.progress.refused)} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('summary.createdBy')}: {data.createdBy} · {t('summary.createdAt')}: {formatInstant(data.createdAt)}
            {data.finishedAt && ` · ${t('summary.finishedAt')}: ${formatInstant(data.finishedAt)}`}
          </Text>

          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              {t('lines.title')}
            </Title>
            <SegmentedControl
              aria-label={t('lines.filterLabel')}
              value={outcome ?? 'ALL'}
              onChange={(v) => {
                const next = new URLSearchParams(params);
                if (v === 'ALL') next.delete('outcome');
                else next.set('outcome', v);
                setParams(next, { replace: true });
              }}
              data={[{ value: 'ALL', label: t('lines.filterAll') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
            />
          </Group>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped verticalSpacing="xs" aria-label={t('lines.title')} data-testid="import-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className="num">{t('lines.line')}</Table.Th>
                  <Table.Th>{t('lines.date')}</Table.Th>
                  <Table.Th className="num">{t('lines.amount')}</Table.Th>
                  <Table.Th>{t('lines.reference')}</Table.Th>
                  <Table.Th>{t('lines.description')}</Table.Th>
                  <Table.Th>{t('lines.outcome')}</Table.Th>
                  <Table.Th>{t('lines.loan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l) => (
                  <Table.Tr key={l.lineNo} data-testid={`line-${l.lineNo}`}>
                    <Table.Td className="num">{l.lineNo}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(l.valueDate)}</Table.Td>
                    <Table.Td className="num">
                      <MoneyText value={l.amount} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.reference || '—'}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere', maxWidth: 320 }}>{l.description || '—'}</Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <OutcomeBadge outcome={l.outcome} />
                        {(l.reasonCode || l.reason) && (
                          <Text size="xs" c="dimmed" maw={260}>
                            {reasonText(l)}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {l.loanId ? (
                        <Anchor component={Link} to={`/loans/${l.loanId}`} size="sm" fw={600}>
                          {l.contractNumber ?? l.loanId}
                        </Anchor>
                      ) : l.outcome === 'UNMATCHED' && officer && data.status !== 'RUNNING' ? (
                        <Button size="xs" variant="light" onClick={() => setAssigning(l)} aria-label={t('lines.assignLabel', { line: l.lineNo })}>
                          {t('lines.assign')}
                        </Button>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button component={Link} to="/imports" variant="subtle">
              ← {t('back')}
            </Button>
          </Group>
        </Stack>
      )}
      <AssignLineDialog importId={id} line={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
