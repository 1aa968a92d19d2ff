import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { CALENDAR_NS } from './calendar-i18n';
import { CalendarPreviewModal } from './calendar-preview-modal';
import { usePreviewWorkingWeek, useSaveWorkingWeek, useWorkingWeek, type WorkingWeek } from './calendar-queries';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function WeekEditor({ week, canEdit }: { week: WorkingWeek; canEdit: boolean }) {
  const { t, i18n } = useTranslation(CALENDAR_NS);
  const lang = toLanguage(i18n.language);
  const saved = week.workingWeekdays.map(String);
  const [value, setValue] = useState<string[]>(saved);
  const [open, setOpen] = useState(false);
  const preview = usePreviewWorkingWeek();
  const save = useSaveWorkingWeek();
  const onServerError = useServerErrors({ ns: CALENDAR_NS });
  const days = value.map(Number).sort((a, b) => a - b);
  const dirty = days.join() !== week.workingWeekdays.join();

  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('week.legend')}
        description={t('week.hint')}
        value={value}
        onChange={setValue}
        readOnly={!canEdit}
        error={canEdit && value.length === 0 ? t('week.atLeastOne') : undefined}
      >
        <Group gap="lg" mt="xs">
          {WEEKDAYS.map((d) => (
            <Checkbox key={d} value={String(d)} label={t(`weekday.${d}`)} disabled={!canEdit} />
          ))}
        </Group>
      </Checkbox.Group>
      <Text size="sm" c="dimmed">
        {t('week.updatedAt', { at: formatInstant(week.updatedAt) })}
      </Text>
      {canEdit && (
        <Group gap="xs">
          <Button
            onClick={() => {
              setOpen(true);
              save.reset();
              preview.mutate(days, { onError: (e) => onServerError(e) });
            }}
            disabled={!dirty || value.length === 0}
          >
            {t('week.previewSave')}
          </Button>
          {dirty && (
            <Button variant="subtle" onClick={() => setValue(saved)}>
              {t('year.discard')}
            </Button>
          )}
        </Group>
      )}
      <CalendarPreviewModal
        key={open ? 'open' : 'closed'}
        opened={open}
        title={t('preview.titleWeek')}
        preview={preview.isPending ? undefined : preview.data}
        previewError={preview.error}
        submitError={save.error}
        withNote={false}
        submitLabel={t('preview.save')}
        submitting={save.isPending}
        onSubmit={() =>
          save.mutate(days, {
            onSuccess: (r) => {
              notifySuccess(t('preview.saved', { installments: formatCount(r.moved.installments, lang), loans: formatCount(r.moved.loans, lang) }));
              setOpen(false);
            },
            onError: (e) => onServerError(e),
          })
        }
        onClose={() => setOpen(false)}
      />
    </Stack>
  );
}

/** The working week: Monday–Friday by default; an admin changes it after seeing what it moves. */
export function CalendarWeekPanel({ canEdit }: { canEdit: boolean }) {
  const q = useWorkingWeek();
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <TableSkeleton rows={3} />;
  return <WeekEditor key={q.data.updatedAt} week={q.data} canEdit={canEdit} />;
}
