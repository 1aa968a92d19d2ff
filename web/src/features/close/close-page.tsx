import { Alert, Badge, Button, Card, Group, Pagination, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate, formatInstant } from '../../shared/format/date';
import { formatDuration } from '../../shared/format/duration';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { EmptyState } from '../../shared/ui/empty-state';
import { notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { CLOSE_NS } from './close-i18n';
import { isActive, useCloseRuns, useRetryRun, type CloseRun, type CloseRunStatus } from './close-queries';
import { CloseThroughDialog } from './close-through-dialog';

const PAGE_SIZE = 20;
// Filled shades with at least 4.5:1 for white text (the same as the home page's last close).
const STATUS_COLOR: Record<CloseRunStatus, string> = { QUEUED: 'gray.7', RUNNING: 'blue.8', SUCCEEDED: '#1e7b34', FAILED: '#c92a2a' };

function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.min(100, (done * 100) / total);
}

/** A running (or queued) day: chunks done of total and loans done of total, moving as the page polls. */
function RunProgress({ run }: { run: CloseRun }) {
  const { t, i18n } = useTranslation(CLOSE_NS);
  const lang = toLanguage(i18n.language);
  const date = formatDate(run.businessDate);
  return (
    <Card withBorder padding="md" radius="md" mb="md" data-testid="close-progress">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('progress.title', { date })}</Text>
        <Badge color={STATUS_COLOR[run.status]}>{t(`status.${run.status}`)}</Badge>
      </Group>
      <Stack gap={8}>
        <div>
          <Text size="sm">{t('progress.chunks', { done: formatCount(run.chunksDone, lang), total: formatCount(run.chunksTotal, lang) })}</Text>
          <Progress value={percent(run.chunksDone, run.chunksTotal)} size="md" animated aria-label={t('progress.chunksLabel', { date })} />
        </div>
        <div>
          <Text size="sm">{t('progress.loans', { done: formatCount(run.loansDone, lang), total: formatCount(run.loansTotal, lang) })}</Text>
          <Progress value={percent(run.loansDone, run.loansTotal)} size="md" animated aria-label={t('progress.loansLabel', { date })} />
        </div>
        {run.until > run.businessDate && (
          <Text size="xs" c="dimmed">
            {t('progress.until', { date: formatDate(run.until) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('progress.leave')}
        </Text>
      </Stack>
    </Card>
  );
}

/** A failed day's errors (by chunk, newest last), under its row. */
function RunErrors({ run }: { run: CloseRun }) {
  const { t } = useTranslation(CLOSE_NS);
  return (
    <Alert color="red" title={t('failed.title', { date: formatDate(run.businessDate) })} p="xs" data-testid={`close-errors-${run.businessDate}`}>
      <Stack gap={2}>
        {run.errors.map((e, i) => (
          <Text key={i} size="xs" style={{ overflowWrap: 'anywhere' }}>
            <strong>{e.chunk === null ? t('failed.run') : t('failed.chunk', { chunk: e.chunk })}</strong> · {formatInstant(e.at)} · {e.error}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/**
 * Close of business: the business date, the runs (status, trigger, duration, loans, chunks),
 * a running day's progress polled live, a failed day's errors; for ADMIN, "close through" and
 * the retry of a failed day. Other staff read the same page without the actions.
 */
export function ClosePage() {
  const { t, i18n } = useTranslation(CLOSE_NS);
  const lang = toLanguage(i18n.language);
  const qc = useQueryClient();
  const admin = useHasRole('ADMIN');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [dialog, setDialog] = useState(false);
  const [follow, setFollow] = useState(false);
  const workspace = useWorkspace();
  const runs = useCloseRuns(page, PAGE_SIZE, follow);
  const retry = useRetryRun();
  const onServerError = useServerErrors({ ns: CLOSE_NS });
  const businessDate = workspace.data?.businessDate;
  const data = runs.data;
  const active = data?.items.filter((r) => isActive(r.status)) ?? [];
  const anyActive = active.length > 0;

  // When the last active run ends, the business date in the header and the home page's last close move.
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !anyActive)
      void Promise.all([qc.invalidateQueries({ queryKey: ['workspace'] }), qc.invalidateQueries({ queryKey: ['work-queues'] })]);
    wasActive.current = anyActive;
  }, [anyActive, qc]);
  // Right after a start the run may not be listed yet: follow for a few seconds.
  useEffect(() => {
    if (!follow) return;
    const timer = setTimeout(() => setFollow(false), 10_000);
    return () => clearTimeout(timer);
  }, [follow]);

  const count = (n: number) => formatCount(n, lang);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          admin &&
          businessDate && (
            <Button onClick={() => setDialog(true)} disabled={anyActive}>
              {t('closeThrough')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Group gap="xs">
          <Text fw={600}>{t('businessDate')}:</Text>
          <Text fw={700} size="lg" data-testid="close-business-date">
            {formatDate(businessDate)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {t('businessDateHint')}
        </Text>
      </Card>

      {active.map((r) => (
        <RunProgress key={r.businessDate} run={r} />
      ))}

      {runs.isError && <ProblemAlert error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('empty')} hint={t('emptyHint')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" aria-label={t('title')} data-testid="close-runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.date')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.trigger')}</Table.Th>
                  <Table.Th className="num">{t('columns.attempt')}</Table.Th>
                  <Table.Th>{t('columns.startedAt')}</Table.Th>
                  <Table.Th className="num">{t('columns.duration')}</Table.Th>
                  <Table.Th className="num">{t('columns.loans')}</Table.Th>
                  <Table.Th className="num">{t('columns.chunks')}</Table.Th>
                  {admin && <Table.Th>{t('columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => (
                  <Fragment key={r.businessDate}>
                    <Table.Tr data-testid={`close-run-${r.businessDate}`}>
                      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(r.businessDate)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[r.status]}>{t(`status.${r.status}`)}</Badge>
                      </Table.Td>
                      <Table.Td>{t(`trigger.${r.trigger}`, { defaultValue: r.trigger })}</Table.Td>
                      <Table.Td className="num">{count(r.attempt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(r.startedAt)}</Table.Td>
                      <Table.Td className="num">{formatDuration(r.durationMs, lang)}</Table.Td>
                      <Table.Td className="num">
                        {count(r.loansDone)}/{count(r.loansTotal)}
                      </Table.Td>
                      <Table.Td className="num">
                        {count(r.chunksDone)}/{count(r.chunksTotal)}
                        {r.chunksFailed > 0 && (
                          <Text span c="red.8" size="sm">
                            {' '}
                            (−{count(r.chunksFailed)})
                          </Text>
                        )}
                      </Table.Td>
                      {admin && (
                        <Table.Td>
                          {r.status === 'FAILED' && (
                            <Button
                              size="xs"
                              color="red.8"
                              variant="light"
                              aria-label={t('failed.retryLabel', { date: formatDate(r.businessDate) })}
                              loading={retry.isPending && retry.variables === r.businessDate}
                              disabled={retry.isPending || anyActive}
                              onClick={() =>
                                retry.mutate(r.businessDate, {
                                  onSuccess: () => {
                                    notifySuccess(t('failed.retried', { date: formatDate(r.businessDate) }));
                                    setFollow(true);
                                  },
                                  onError: (e) => onServerError(e),
                                })
                              }
                            >
                              {t('failed.retry')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                    {r.status === 'FAILED' && r.errors.length > 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={admin ? 9 : 8}>
                          <RunErrors run={r} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">
              {t('common:paging.summary', {
                from: count((page - 1) * PAGE_SIZE + 1),
                to: count((page - 1) * PAGE_SIZE + data.items.length),
                total: count(data.total),
              })}
            </Text>
            <Pagination
              total={totalPages}
              value={page}
              onChange={(p) => setParams(new URLSearchParams({ page: String(p) }))}
              getControlProps={(control) => ({ 'aria-label': control })}
              aria-label={t('common:paging.label')}
            />
          </Group>
        </>
      )}
      {admin && businessDate && dialog && (
        <CloseThroughDialog opened={dialog} businessDate={businessDate} onClose={() => setDialog(false)} onStarted={() => setFollow(true)} />
      )}
    </>
  );
}
