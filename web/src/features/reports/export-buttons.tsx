import { Alert, Button, Group, Progress, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../shared/api/client';
import { isApiError } from '../../shared/api/problem';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { downloadExport, exportReport, type ExportFormat, type ExportStatus, type ReportPath } from './report-download';
import { REPORTS_NS } from './reports-i18n';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'pdf'];

/** Follows a queued export (GET /report-exports/:id) every second until it is DONE or FAILED. */
function useExportStatus(id: string | null) {
  return useQuery({
    queryKey: ['report-exports', id],
    queryFn: () => call<ExportStatus>(api.GET('/api/v1/report-exports/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'DONE' || q.state.data.status === 'FAILED') ? false : 1000),
  });
}

/**
 * One click per format (README "Exports"): a small file downloads at once; a large one answers
 * 202 and is built by the worker, shown here with its progress and downloaded when ready.
 */
export function ExportButtons({
  path,
  query,
  disabled,
}: {
  path: ReportPath;
  query: Record<string, string | number | string[] | undefined>;
  disabled?: boolean;
}) {
  const { t } = useTranslation(REPORTS_NS);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [queued, setQueued] = useState<{ id: string; format: ExportFormat } | null>(null);
  const status = useExportStatus(queued?.id ?? null);
  const fetched = useRef<string | null>(null);

  const done = (name: string) => notifySuccess(t('export.downloaded', { name }));
  const failed = (e: unknown) => notifyError(isApiError(e) ? e.problem.detail : String(e));

  useEffect(() => {
    const s = status.data;
    if (!queued || !s || s.status !== 'DONE' || fetched.current === queued.id) return;
    fetched.current = queued.id;
    downloadExport(queued.id, queued.format)
      .then((name) => {
        done(name);
        setQueued(null);
      })
      .catch(failed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per export when it turns DONE
  }, [status.data, queued]);

  const start = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const outcome = await exportReport(path, query, format);
      if (outcome.kind === 'file') done(outcome.name);
      else {
        setQueued({ id: outcome.accepted.id, format });
        notifySuccess(t('export.started'));
      }
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const s = status.data;
  return (
    <>
      <Group gap={6} role="group" aria-label={t('export.label')}>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t('export.label')}
        </Text>
        {FORMATS.map((f) => (
          <Button
            key={f}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={busy === f || queued?.format === f}
            disabled={disabled || (busy !== null && busy !== f)}
            onClick={() => void start(f)}
            data-testid={`export-${f}`}
          >
            {t(`export.${f}`)}
          </Button>
        ))}
      </Group>
      {queued && s && s.status !== 'FAILED' && (
        <Group gap="xs" w={260} data-testid="export-progress">
          <Text size="xs">{t('export.progress', { format: queued.format.toUpperCase(), progress: s.progress })}</Text>
          <Progress value={s.progress} w="100%" size="sm" aria-label={t('export.progress', { format: queued.format.toUpperCase(), progress: s.progress })} />
        </Group>
      )}
      {s?.status === 'FAILED' && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setQueued(null)}>
          {t('export.failed', { error: s.error ?? '' })}
        </Alert>
      )}
    </>
  );
}
