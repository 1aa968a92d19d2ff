import { Button, Grid, Paper, Select, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { parseDateInput } from '../../shared/format/date';
import { CALENDAR_NS } from './calendar-i18n';
import type { CalendarDayInput, CalendarDayKind } from './calendar-queries';

const KINDS: CalendarDayKind[] = ['ANNOUNCED_DAY_OFF', 'PUBLIC_HOLIDAY', 'COMPENSATORY', 'WORKING_DAY'];

interface Values {
  date: string | null;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
  basis: string;
}

/**
 * Adds one day to the year's draft (e.g. the announced Tết days beyond the law's five). Only what
 * is required is checked here; the server checks the rest when the draft is previewed or saved.
 */
export function CalendarAddDayForm({ year, existing, onAdd }: { year: number; existing: readonly string[]; onAdd: (day: CalendarDayInput) => void }) {
  const { t } = useTranslation(CALENDAR_NS);
  const form = useForm<Values>({
    initialValues: { date: null, kind: 'ANNOUNCED_DAY_OFF', nameVi: '', nameEn: '', basis: '' },
    validate: {
      date: (v) => (!v ? t('add.required') : !v.startsWith(`${year}-`) ? t('add.outsideYear', { year }) : existing.includes(v) ? t('add.duplicate') : null),
      nameVi: (v) => (v.trim() ? null : t('add.required')),
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="calendar-add-day">
      <Title order={2} size="h4" id="calendar-add-day" mb="xs">
        {t('add.title')}
      </Title>
      <form
        onSubmit={form.onSubmit((v) => {
          if (!v.date) return;
          onAdd({ date: v.date, kind: v.kind, nameVi: v.nameVi.trim(), nameEn: v.nameEn.trim() || v.nameVi.trim(), basis: v.basis.trim() || undefined });
          // Keep the kind, name and basis: announced days usually come several at a time under one notice.
          form.setValues({ date: null });
        })}
      >
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <DateInput
              label={t('add.date')}
              required
              valueFormat="DD/MM/YYYY"
              placeholder="dd/mm/yyyy"
              dateParser={(text) => parseDateInput(text)}
              defaultDate={`${year}-01-01`}
              minDate={`${year}-01-01`}
              maxDate={`${year}-12-31`}
              hideOutsideDates
              ariaLabels={{
                previousMonth: t('add.picker.previousMonth'),
                nextMonth: t('add.picker.nextMonth'),
                previousYear: t('add.picker.previousYear'),
                nextYear: t('add.picker.nextYear'),
                previousDecade: t('add.picker.previousDecade'),
                nextDecade: t('add.picker.nextDecade'),
              }}
              {...form.getInputProps('date')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 4 }}>
            <Select
              label={t('add.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput label={t('add.basis')} placeholder={t('add.basisPlaceholder')} maxLength={200} {...form.getInputProps('basis')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('add.nameVi')} required maxLength={200} {...form.getInputProps('nameVi')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('add.nameEn')} placeholder={t('add.nameEnHint')} maxLength={200} {...form.getInputProps('nameEn')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Button type="submit" variant="default">
              {t('add.submit')}
            </Button>
          </Grid.Col>
        </Grid>
      </form>
    </Paper>
  );
}
