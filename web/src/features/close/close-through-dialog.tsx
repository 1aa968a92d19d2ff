import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/date';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { datesToClose, nextDay } from './close-dates';
import { CLOSE_NS } from './close-i18n';
import { useCloseThrough } from './close-queries';

/** Lists the dates, or the range when there are many (a long catch-up). */
function datesText(dates: string[], range: (from: string, to: string) => string): string {
  if (dates.length <= 5) return dates.map(formatDate).join(', ');
  return range(formatDate(dates[0]), formatDate(dates[dates.length - 1]));
}

/**
 * ADMIN: close every open day through a date (default the business date). The confirmation says
 * which days will be closed and what the business date becomes; the request does not wait
 * (wait=false) and the page follows the runs.
 */
export function CloseThroughDialog({
  opened,
  businessDate,
  onClose,
  onStarted,
}: {
  opened: boolean;
  businessDate: string;
  onClose: () => void;
  onStarted: () => void;
}) {
  const { t } = useTranslation(CLOSE_NS);
  const [until, setUntil] = useState<string | null>(businessDate);
  const [problem, setProblem] = useState<Problem | null>(null);
  const close = useCloseThrough();
  const onServerError = useServerErrors({ ns: CLOSE_NS });
  const dates = until ? datesToClose(businessDate, until) : [];
  const last = dates[dates.length - 1];
  const next = last ? nextDay(last) : undefined;

  const submit = () => {
    if (!until || dates.length === 0) return;
    setProblem(null);
    close.mutate(until, {
      onSuccess: (accepted) => {
        notifySuccess(accepted.runDate ? t('dialog.started', { date: formatDate(accepted.runDate) }) : t('dialog.nothingStarted'));
        onStarted();
        onClose();
      },
      onError: (e) => setProblem(onServerError(e)),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('dialog.title')} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <Stack gap="md">
        <DateInput
          label={t('dialog.until')}
          description={t('dialog.untilHint')}
          valueFormat="DD/MM/YYYY"
          placeholder="dd/mm/yyyy"
          minDate={businessDate}
          value={until}
          onChange={(v) => {
            setProblem(null);
            setUntil(v);
          }}
          previousLabel={t('dialog.previousMonth')}
          nextLabel={t('dialog.nextMonth')}
          // Mantine's red weekend figures fail AA contrast; every calendar day is a business day of the close anyway.
          weekendDays={[]}
        />
        {until && dates.length === 0 && (
          <Text size="sm" c="red.8" role="alert">
            {t('dialog.nothing', { date: formatDate(businessDate) })}
          </Text>
        )}
        {dates.length > 0 && (
          <Alert color="blue" data-testid="close-confirmation">
            <Text size="sm">{t('dialog.willClose', { count: dates.length, dates: datesText(dates, (from, to) => t('dialog.range', { from, to })) })}</Text>
            {next && (
              <Text size="sm" mt={4}>
                {t('dialog.after', { date: formatDate(next) })}
              </Text>
            )}
          </Alert>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem.detail}
          </Alert>
        )}
        <Group justify="flex-end">
          {/* Focus starts on Cancel: focusing the date would open its calendar, and Enter must not close a day unread. */}
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red.8" onClick={submit} disabled={dates.length === 0 || close.isPending} loading={close.isPending}>
            {t('dialog.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
