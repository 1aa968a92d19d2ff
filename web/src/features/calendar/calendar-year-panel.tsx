import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconChevronLeft, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { EmptyState } from '../../shared/ui/empty-state';
import { notifySuccess } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { CalendarAddDayForm } from './calendar-add-day-form';
import { DayKindBadge, YearStatusBadge } from './calendar-badges';
import { draftChanges, isDirty, sortDays, toInput, yearRows } from './calendar-days';
import { CALENDAR_NS } from './calendar-i18n';
import { CalendarPreviewModal } from './calendar-preview-modal';
import { useCalendarYear, useConfirmYear, usePreviewYear, useSaveYear, type CalendarDayInput, type CalendarYear } from './calendar-queries';

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function YearPicker({ year, around, onChange }: { year: number; around: number; onChange: (year: number) => void }) {
  const { t } = useTranslation(CALENDAR_NS);
  const from = Math.min(year, around - 3);
  const to = Math.max(year, around + 5);
  const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <ActionIcon variant="default" size="lg" onClick={() => onChange(year - 1)} disabled={year <= MIN_YEAR} aria-label={t('year.previous')}>
        <IconChevronLeft size={18} />
      </ActionIcon>
      <Select label={t('year.label')} data={years} value={String(year)} onChange={(v) => v && onChange(Number(v))} allowDeselect={false} w={100} />
      <ActionIcon variant="default" size="lg" onClick={() => onChange(year + 1)} disabled={year >= MAX_YEAR} aria-label={t('year.next')}>
        <IconChevronRight size={18} />
      </ActionIcon>
    </Group>
  );
}

/** One name of a day in the user's language, with its kind, or a dimmed placeholder. */
function DayCell({ day, empty }: { day: CalendarDayInput | null; empty: string }) {
  const { i18n } = useTranslation(CALENDAR_NS);
  if (!day)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">{toLanguage(i18n.language) === 'en' ? day.nameEn : day.nameVi}</Text>
      <DayKindBadge kind={day.kind} />
    </Group>
  );
}

/**
 * The year's days as the fund uses them beside the law's, and for an admin the draft being edited:
 * add or remove days, then preview what the change moves before saving (docs/working-days.md).
 */
function YearEditor({ data, canEdit }: { data: CalendarYear; canEdit: boolean }) {
  const { t, i18n } = useTranslation(CALENDAR_NS);
  const lang = toLanguage(i18n.language);
  const saved = useMemo(() => data.days.map(toInput), [data]);
  const law = useMemo(() => data.lawDays.map(toInput), [data]);
  const [draft, setDraft] = useState<CalendarDayInput[]>(saved);
  const [mode, setMode] = useState<'save' | 'confirm' | null>(null);
  const preview = usePreviewYear(data.year);
  const save = useSaveYear(data.year);
  const confirm = useConfirmYear(data.year);
  const onServerError = useServerErrors({ ns: CALENDAR_NS });

  const dirty = isDirty(draft, saved);
  const changes = draftChanges(draft, saved);
  const rows = yearRows(draft, law);

  const openPreview = (next: 'save' | 'confirm') => {
    setMode(next);
    save.reset();
    confirm.reset();
    preview.mutate(sortDays(draft), { onError: (e) => onServerError(e) });
  };
  const submit = (note: string | undefined) => {
    if (mode === 'save') {
      save.mutate(
        { days: sortDays(draft), note },
        {
          onSuccess: (r) => {
            notifySuccess(t('preview.saved', { installments: formatCount(r.moved.installments, lang), loans: formatCount(r.moved.loans, lang) }));
            setMode(null);
          },
          onError: (e) => onServerError(e),
        },
      );
    } else {
      confirm.mutate(note, {
        onSuccess: () => {
          notifySuccess(t('preview.confirmed', { year: data.year }));
          setMode(null);
        },
        onError: (e) => onServerError(e),
      });
    }
  };

  return (
    <Stack gap="md">
      {canEdit && <CalendarAddDayForm year={data.year} existing={draft.map((d) => d.date)} onAdd={(d) => setDraft((prev) => sortDays([...prev, d]))} />}

      {canEdit && (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c={dirty ? undefined : 'dimmed'} fw={dirty ? 600 : undefined} role="status" data-testid="draft-status">
            {dirty
              ? `${t('year.unsaved', { added: changes.added, removed: changes.removed })}${changes.changed > 0 ? ` ${t('year.unsavedChanged', { count: changes.changed })}` : ''}`
              : t('year.count', { count: draft.length })}
          </Text>
          <Group gap="xs">
            {dirty && (
              <Button variant="subtle" onClick={() => setDraft(saved)}>
                {t('year.discard')}
              </Button>
            )}
            {isDirty(draft, law) && (
              <Button variant="default" onClick={() => setDraft(law)}>
                {t('year.resetToLaw')}
              </Button>
            )}
            {dirty ? (
              <Button onClick={() => openPreview('save')}>{t('year.previewSave')}</Button>
            ) : (
              <Button variant="outline" onClick={() => openPreview('confirm')}>
                {t('year.confirmAsIs')}
              </Button>
            )}
          </Group>
        </Group>
      )}

      {rows.some((r) => r.differs) && (
        <Text size="sm" c="dimmed">
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              marginRight: 6,
              verticalAlign: 'middle',
              background: 'var(--mantine-color-yellow-0)',
              border: '1px solid var(--mantine-color-yellow-4)',
            }}
          />
          {t('year.differs')}
        </Text>
      )}
      {rows.length === 0 ? (
        <EmptyState title={t('year.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" aria-label={`${t('tabs.year')} ${data.year}`} data-testid="year-days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('year.columns.date')}</Table.Th>
                <Table.Th>{t('year.columns.weekday')}</Table.Th>
                <Table.Th>{t('year.columns.fund')}</Table.Th>
                <Table.Th>{t('year.columns.law')}</Table.Th>
                {canEdit && <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('year.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.date} bg={r.differs ? 'yellow.0' : undefined} data-date={r.date}>
                  <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDate(r.date)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`weekday.${r.weekday}`)}</Table.Td>
                  <Table.Td>
                    <DayCell day={r.fund} empty={t('year.notInFund')} />
                  </Table.Td>
                  <Table.Td>
                    <DayCell day={r.law} empty={t('year.notInLaw')} />
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      {r.fund ? (
                        <Tooltip label={t('year.remove', { date: formatDate(r.date) })}>
                          <ActionIcon
                            variant="subtle"
                            color="red.8"
                            aria-label={t('year.remove', { date: formatDate(r.date) })}
                            onClick={() => setDraft((prev) => prev.filter((d) => d.date !== r.date))}
                          >
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Tooltip>
                      ) : (
                        r.law && (
                          <Tooltip label={t('year.restore', { date: formatDate(r.date) })}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('year.restore', { date: formatDate(r.date) })}
                              onClick={() => setDraft((prev) => (r.law ? sortDays([...prev, r.law]) : prev))}
                            >
                              <IconArrowBackUp size={18} />
                            </ActionIcon>
                          </Tooltip>
                        )
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <CalendarPreviewModal
        key={mode ?? 'closed'}
        opened={mode !== null}
        title={mode === 'confirm' ? t('preview.titleConfirm', { year: data.year }) : t('preview.titleYear', { year: data.year })}
        preview={preview.isPending ? undefined : preview.data}
        previewError={preview.error}
        submitError={mode === 'confirm' ? confirm.error : save.error}
        withNote
        submitLabel={mode === 'confirm' ? t('preview.confirm') : t('preview.save')}
        submitting={save.isPending || confirm.isPending}
        onSubmit={submit}
        onClose={() => setMode(null)}
      />
    </Stack>
  );
}

/** The year tab: picker, state badge, who confirmed, the law's note while GENERATED, then the days. */
export function CalendarYearPanel({ year, around, onYear, canEdit }: { year: number; around: number; onYear: (year: number) => void; canEdit: boolean }) {
  const { t } = useTranslation(CALENDAR_NS);
  const q = useCalendarYear(year);
  const data = q.data?.year === year ? q.data : undefined;
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <YearPicker year={year} around={around} onChange={onYear} />
        {data && <YearStatusBadge status={data.status} />}
        {data?.status === 'CONFIRMED' && data.confirmedAt && (
          <Text size="sm" c="dimmed">
            {t('year.confirmedBy', { name: data.confirmedByName ?? data.confirmedBy ?? '—', at: formatInstant(data.confirmedAt) })}
          </Text>
        )}
      </Group>
      {data?.status === 'GENERATED' && (
        <Alert color="blue" variant="light">
          <Text size="sm">{t('year.generatedHint')}</Text>
        </Alert>
      )}
      {data?.note && <Text size="sm">{t('year.note', { note: data.note })}</Text>}
      {q.isError && <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!data && !q.isError && <TableSkeleton rows={10} />}
      {data && <YearEditor key={`${data.year}-${data.status}-${data.confirmedAt ?? ''}`} data={data} canEdit={canEdit} />}
    </Stack>
  );
}
