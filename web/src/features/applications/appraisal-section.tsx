import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatPercent } from '../../shared/format/percent';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { MoneyInput } from '../../shared/ui/money-input';
import { MoneyText } from '../../shared/ui/money-text';
import { notifySuccess } from '../../shared/ui/notify';
import { APPLICATIONS_NS } from './applications-i18n';
import { useAppraisals, useRecordAppraisal, type Application } from './applications-queries';

const RISKS = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** Appraisal (thẩm định): the findings recorded so far and, while under appraisal, the officer's form. */
export function AppraisalSection({ app, canRecord, onRecorded }: { app: Application; canRecord: boolean; onRecorded: () => void }) {
  const { t, i18n } = useTranslation(APPLICATIONS_NS);
  const lang = toLanguage(i18n.language);
  const appraisals = useAppraisals(app.id);
  const record = useRecordAppraisal(app.id);
  const onServerError = useServerErrors({ ns: APPLICATIONS_NS });
  const form = useForm({
    initialValues: {
      findings: '',
      recommendedAmount: app.requestedAmount,
      recommendedTermMonths: app.termMonths as number | string,
      recommendedRatePercent: '',
      riskRating: 'MEDIUM' as (typeof RISKS)[number] | null,
    },
    validate: {
      findings: (v) => (v.trim() ? null : t('required')),
      recommendedAmount: (v) => (v ? null : t('required')),
      recommendedRatePercent: (v) => (v.trim() ? null : t('required')),
      riskRating: (v) => (v ? null : t('required')),
    },
  });
  const list = appraisals.data ?? [];
  const open = app.status === 'UNDER_APPRAISAL';

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('appraisal.title')}
      </Title>
      {list.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('appraisal.none')} {app.status === 'SUBMITTED' && t('appraisal.noneHint')}
        </Text>
      )}
      {list.map((a) => (
        <SimpleGrid key={a.id} cols={{ base: 1, sm: 2 }} spacing="xs" mb="sm" data-testid="appraisal">
          <div style={{ gridColumn: '1 / -1' }}>
            <Text size="xs" c="dimmed">
              {t('appraisal.findings')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.findings}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('appraisal.recommended')}
            </Text>
            <Text size="sm">
              <MoneyText value={a.recommendedAmount} /> · {t('months', { count: a.recommendedTermMonths })} · {formatPercent(a.recommendedRatePercent, lang, 2)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('appraisal.riskRating')} · {t('appraisal.at')}
            </Text>
            <Text size="sm">
              {t(`${LENDING_NS}:risk.${a.riskRating}`)} · {formatInstant(a.createdAt)}
            </Text>
          </div>
        </SimpleGrid>
      ))}
      {open && list.length > 0 && (
        <Alert color="blue" mb="sm" p="xs">
          <Text size="sm">{t('appraisal.awaiting')}</Text>
        </Alert>
      )}
      {open && canRecord && list.length === 0 && (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            record.mutate(
              {
                findings: v.findings.trim(),
                recommendedAmount: v.recommendedAmount,
                recommendedTermMonths: Number(v.recommendedTermMonths),
                recommendedRatePercent: v.recommendedRatePercent.trim().replace(',', '.'),
                riskRating: v.riskRating ?? 'MEDIUM',
              },
              {
                onSuccess: () => {
                  notifySuccess(t('appraisal.recorded'));
                  form.setFieldValue('findings', '');
                  onRecorded();
                },
                onError: (e) => onServerError(e, form),
              },
            ),
          )}
        >
          <Stack gap="sm">
            <Textarea label={t('appraisal.findings')} required autosize minRows={3} {...form.getInputProps('findings')} />
            <Group grow align="flex-start">
              <MoneyInput
                label={t('appraisal.recommendedAmount')}
                required
                value={form.values.recommendedAmount}
                onChange={(d) => form.setFieldValue('recommendedAmount', d)}
                error={form.errors.recommendedAmount}
              />
              <NumberInput
                label={t('appraisal.recommendedTermMonths')}
                required
                min={1}
                max={600}
                allowDecimal={false}
                {...form.getInputProps('recommendedTermMonths')}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t('appraisal.recommendedRatePercent')}
                required
                inputMode="decimal"
                classNames={{ input: 'num' }}
                {...form.getInputProps('recommendedRatePercent')}
              />
              <Select
                label={t('appraisal.riskRating')}
                required
                data={RISKS.map((r) => ({ value: r, label: t(`${LENDING_NS}:risk.${r}`) }))}
                {...form.getInputProps('riskRating')}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={record.isPending}>
                {t('appraisal.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
