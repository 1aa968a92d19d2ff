import { ActionIcon, Alert, Button, Checkbox, Grid, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { toLanguage } from '../../shared/format/language';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { MoneyInput } from '../../shared/ui/money-input';
import { clearServerError } from '../../shared/ui/notify';
import { ADMIN_NS } from './admin-i18n';
import { ALL_TYPES } from '../loan-file/documents-panel';
import { LOAN_FILE_NS } from '../loan-file/loan-file-i18n';
import { useSectorSections } from './admin-queries';
import { BORROWER_TYPES, DAY_RULES, FREQUENCIES, METHODS, PREPAYMENT, type ProductValues } from './product-values';

export function ProductForm({
  initial,
  withCode,
  pending,
  onSubmit,
  onCancel,
}: {
  initial: ProductValues;
  withCode: boolean;
  pending: boolean;
  onSubmit: (v: ProductValues, fail: (e: unknown) => void) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const { t: tf } = useTranslation(LOAN_FILE_NS);
  const lang = toLanguage(i18n.language);
  const sectors = useSectorSections();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: ADMIN_NS, codeFields: { 'PRODUCT.CODE_TAKEN': 'code' } });
  const req = (v: unknown) => (v === '' || v === null || v === undefined ? t('users.required') : null);
  const form = useForm<ProductValues>({
    initialValues: initial,
    validate: {
      code: (v) => (withCode ? req(v.trim()) : null),
      name: (v) => req(v.trim()),
      minAmount: req,
      maxAmount: req,
      minTermMonths: req,
      maxTermMonths: req,
      annualInterestRatePercent: (v) => req(v.trim()),
    },
  });
  const num = (key: keyof ProductValues, label: string, extra: Record<string, unknown> = {}) => (
    <NumberInput label={label} hideControls allowDecimal={false} allowNegative={false} required {...extra} {...form.getInputProps(key)} />
  );
  const move = (i: number, by: number) => {
    const order = [...form.values.allocationOrder];
    const [step] = order.splice(i, 1);
    if (step) order.splice(i + by, 0, step);
    form.setFieldValue('allocationOrder', order);
  };
  const sectorData = (sectors.data ?? []).map((s) => ({
    value: `${s.version}/${s.code}`,
    label: `${s.version === 'VSIC2018' ? 'VSIC 2018' : 'VSIC 2025'} · ${s.code} — ${lang === 'vi' ? s.nameVi : s.nameEn}`,
  }));
  const submit = (v: ProductValues) => {
    setRefusal(null);
    clearServerError();
    onSubmit(v, (e) => setRefusal(onServerError(e, form)));
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md" maw={960}>
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.detail}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.sections.basic')}
          </Title>
          <Grid>
            {withCode && (
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t('products.fields.code')}
                  description={t('products.fields.codeHint')}
                  required
                  {...form.getInputProps('code')}
                  onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: withCode ? 8 : 12 }}>
              <TextInput label={t('products.fields.name')} required {...form.getInputProps('name')} />
            </Grid.Col>
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.sections.limits')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MoneyInput
                label={t('products.fields.minAmount')}
                required
                value={form.values.minAmount}
                onChange={(d) => form.setFieldValue('minAmount', d)}
                error={form.errors.minAmount}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MoneyInput
                label={t('products.fields.maxAmount')}
                required
                value={form.values.maxAmount}
                onChange={(d) => form.setFieldValue('maxAmount', d)}
                error={form.errors.maxAmount}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{num('minTermMonths', t('products.fields.minTermMonths'))}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{num('maxTermMonths', t('products.fields.maxTermMonths'))}</Grid.Col>
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.sections.pricing')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('products.fields.annualInterestRatePercent')}
                required
                inputMode="decimal"
                rightSection={<span aria-hidden>%</span>}
                {...form.getInputProps('annualInterestRatePercent')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('products.fields.overdueMultiplier')}
                description={t('products.fields.overdueMultiplierHint')}
                inputMode="decimal"
                {...form.getInputProps('overdueMultiplier')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('products.fields.lateInterestRatePercent')}
                description={t('products.fields.lateInterestHint')}
                inputMode="decimal"
                rightSection={<span aria-hidden>%</span>}
                {...form.getInputProps('lateInterestRatePercent')}
              />
            </Grid.Col>
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.sections.schedule')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('products.fields.amortizationMethod')}
                data={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
                allowDeselect={false}
                {...form.getInputProps('amortizationMethod')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('products.fields.principalFrequency')}
                data={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
                allowDeselect={false}
                {...form.getInputProps('principalFrequency')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('products.fields.interestFrequency')}
                data={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
                allowDeselect={false}
                {...form.getInputProps('interestFrequency')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{num('principalGracePeriods', t('products.fields.principalGracePeriods'))}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{num('maxTranches', t('products.fields.maxTranches'), { min: 1 })}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <MoneyInput
                label={t('products.fields.roundingUnit')}
                value={form.values.roundingUnit}
                onChange={(d) => form.setFieldValue('roundingUnit', d)}
                error={form.errors.roundingUnit}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('products.fields.prepaymentMode')}
                data={PREPAYMENT.map((m) => ({ value: m, label: t(`prepayment.${m}`) }))}
                allowDeselect={false}
                {...form.getInputProps('prepaymentMode')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('products.fields.businessDayRule')}
                data={DAY_RULES.map((m) => ({ value: m, label: t(`businessDayRule.${m}`) }))}
                allowDeselect={false}
                {...form.getInputProps('businessDayRule')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Text size="sm" fw={500} id="allocation-label" mb={4}>
                {t('products.fields.allocationOrder')}
              </Text>
              <Stack gap={4} role="list" aria-labelledby="allocation-label">
                {form.values.allocationOrder.map((step, i) => (
                  <Group key={step} gap="xs" role="listitem">
                    <Text size="sm" w={24} ta="right" className="num">
                      {i + 1}.
                    </Text>
                    <Text size="sm" w={200}>
                      {t(`allocation.${step}`)}
                    </Text>
                    <ActionIcon variant="default" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`↑ ${t(`allocation.${step}`)}`}>
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="sm"
                      disabled={i === form.values.allocationOrder.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`↓ ${t(`allocation.${step}`)}`}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            </Grid.Col>
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.sections.eligibility')}
          </Title>
          <Stack gap="sm">
            <Checkbox.Group label={t('products.fields.allowedBorrowerTypes')} {...form.getInputProps('allowedBorrowerTypes')}>
              <Group mt={4}>
                {BORROWER_TYPES.map((b) => (
                  <Checkbox key={b} value={b} label={t(`borrowerType.${b}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <MultiSelect label={t('products.fields.allowedSectors')} data={sectorData} searchable clearable {...form.getInputProps('allowedSectors')} />
            <Checkbox label={t('products.fields.collateralRequired')} {...form.getInputProps('collateralRequired', { type: 'checkbox' })} />
            {form.values.collateralRequired && (
              <Group grow align="flex-start">
                <Select
                  label={t('products.fields.collateralCoverBasis')}
                  data={(['DISCOUNTED', 'LTV'] as const).map((b) => ({ value: b, label: t(`collateralCoverBasis.${b}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('collateralCoverBasis')}
                />
                {form.values.collateralCoverBasis === 'DISCOUNTED' ? (
                  <TextInput label={t('products.fields.collateralMinCoverPercent')} {...form.getInputProps('collateralMinCoverPercent')} />
                ) : (
                  <TextInput label={t('products.fields.collateralMaxLtvPercent')} {...form.getInputProps('collateralMaxLtvPercent')} />
                )}
              </Group>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {tf('product.section')}
          </Title>
          <Stack gap="sm">
            <MultiSelect
              label={tf('product.requiredDocumentTypes')}
              description={tf('product.requiredHint')}
              data={ALL_TYPES.map((d) => ({ value: d, label: tf(`types.${d}`) }))}
              searchable
              clearable
              {...form.getInputProps('requiredDocumentTypes')}
            />
            <Grid>
              <Grid.Col span={{ base: 12, sm: 4 }}>{num('inspectionDays', tf('product.inspectionDays'), { min: 1, max: 365 })}</Grid.Col>
            </Grid>
            <Checkbox label={tf('product.trancheRequiresInspection')} {...form.getInputProps('trancheRequiresInspection', { type: 'checkbox' })} />
          </Stack>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
