import { Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, Select, Stack, Stepper, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../shared/api/client';
import type { Problem } from '../../shared/api/problem';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { LendingChecksPanel, LendingRefusals, draftChecks, type LendingChecks } from '../../shared/lending/lending-checks';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { ScheduleTable } from '../../shared/lending/schedule-table';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { optionalText as opt } from '../../shared/format/optional-text';
import { PageHeader } from '../../shared/ui/page-header';
import { MoneyInput } from '../../shared/ui/money-input';
import { APPLICATIONS_NS } from './applications-i18n';
import {
  useBorrower,
  useCapitalSources,
  useCreateApplication,
  useDraftChecks,
  useProducts,
  useSchedulePreview,
  useSectors,
  type CreateApplication,
} from './applications-queries';
import { BorrowerPicker } from './borrower-picker';
import { FREQUENCIES, STEP_OF, checksBody, type Values } from './application-form-values';

/**
 * Filing an application step by step (borrower and product, plan, loan, review), with the API's
 * own lending-condition checks beside the form as the officer types (a dry run, nothing written):
 * a loan that fails them is not created, and the refusal names the rule, the limit and the figure.
 */
export function ApplicationCreatePage() {
  const { t, i18n } = useTranslation(APPLICATIONS_NS);
  const lang = toLanguage(i18n.language);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const workspace = useWorkspace();
  const [step, setStep] = useState(0);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  // The refusal of the last attempt, with the figures it was for: stale as soon as they change.
  const [refused, setBlocked] = useState<{ key: string; checks: LendingChecks } | null>(null);
  const required = (v: unknown) => (v === null || v === '' || v === undefined ? t('required') : null);
  const form = useForm<Values>({
    initialValues: {
      borrowerId: null,
      productId: null,
      capitalSourceId: null,
      purpose: '',
      sectorCode: null,
      totalInvestment: '',
      ownContribution: '',
      requestedAmount: '',
      termMonths: '',
      repaymentFrequency: null,
      collateralExempt: false,
      collateralDescription: '',
      collateralValue: '',
      collateralExemptionReason: '',
      creditReportReference: '',
      creditReportDate: null,
    },
    validate: (v) => {
      const errors: Record<string, string | null> = {};
      const need = (fields: Array<keyof Values>) => fields.forEach((f) => (errors[f] = required(v[f])));
      if (step >= 0) need(['borrowerId', 'productId', 'capitalSourceId']);
      if (step >= 1) need(['purpose', 'sectorCode', 'totalInvestment', 'ownContribution']);
      if (step >= 2) {
        need(['requestedAmount', 'termMonths', 'repaymentFrequency']);
        if (v.collateralExempt) need(['collateralExemptionReason']);
        else need(['collateralDescription', 'collateralValue']);
      }
      return Object.fromEntries(Object.entries(errors).filter(([, e]) => e !== null));
    },
  });
  const v = form.values;
  const products = useProducts();
  const sources = useCapitalSources();
  const sectors = useSectors();
  const borrower = useBorrower(v.borrowerId);
  const product = products.data?.items.find((p) => p.id === v.productId);
  const create = useCreateApplication();
  const onServerError = useServerErrors({ ns: APPLICATIONS_NS });

  // The borrower's own sector and the product's principal frequency are the likely answers: filled in, still editable.
  const borrowerSector = borrower.data?.sectorVersion === 'VSIC2018' ? borrower.data.sectorCode : null;
  useEffect(() => {
    if (borrowerSector && !form.values.sectorCode) form.setFieldValue('sectorCode', borrowerSector);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [borrowerSector]);
  const productFrequency = product?.current.principalFrequency ?? null;
  useEffect(() => {
    if (productFrequency) form.setFieldValue('repaymentFrequency', productFrequency);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [productFrequency]);

  const body = useMemo(() => checksBody(v), [v]);
  const bodyKey = JSON.stringify(body);
  const [debounced] = useDebouncedValue(body, 400);
  const checks = useDraftChecks(debounced);
  const current = body && debounced && bodyKey === JSON.stringify(debounced) ? checks.data : undefined;

  const businessDate = workspace.data?.businessDate;
  const previewBody =
    step === 3 && product && body && businessDate
      ? {
          productVersionId: product.current.id,
          amount: body.requestedAmount,
          termMonths: body.termMonths,
          principalFrequency: body.repaymentFrequency,
          disbursementDate: businessDate,
        }
      : null;
  const preview = useSchedulePreview(previewBody);

  const next = () => {
    if (!form.validate().hasErrors) setStep((s) => Math.min(3, s + 1));
  };

  const submit = async () => {
    setRefusal(null);
    setBlocked(null);
    clearServerError();
    if (form.validate().hasErrors || !body) return;
    // The checks again on exactly these figures (a dry run): a failing loan is not created at all.
    const fresh = await qc.fetchQuery({
      queryKey: ['applications', 'draft-checks', body],
      queryFn: () => call<LendingChecks>(api.POST('/api/v1/loan-applications/checks', { body })),
      staleTime: 0,
    });
    // A draft has no pledges yet: its cover is checked at submission, not here (draftChecks).
    const draft = draftChecks(fresh).checks;
    if (!draft.passed) {
      setBlocked({ key: JSON.stringify(body), checks: draft });
      return;
    }
    const dto: CreateApplication = {
      ...body,
      purpose: v.purpose.trim(),
      ownContribution: v.ownContribution,
      collateralExempt: v.collateralExempt,
      ...(v.collateralExempt
        ? { collateralExemptionReason: opt(v.collateralExemptionReason) }
        : { collateralDescription: opt(v.collateralDescription), collateralValue: v.collateralValue || undefined }),
      creditReportReference: opt(v.creditReportReference),
      creditReportDate: v.creditReportDate ?? undefined,
    };
    create.mutate(dto, {
      onSuccess: (a) => {
        notifySuccess(t('created', { id: a.id }));
        void navigate(`/applications/${a.id}`);
      },
      onError: (e) => {
        const p = onServerError(e, form);
        setRefusal(p);
        const steps = (p?.errors ?? []).map((fe) => STEP_OF[fe.field]).filter((s): s is number => s !== undefined);
        if (steps.length > 0) setStep(Math.min(...steps));
      },
    });
  };

  const blocked = refused && refused.key === bodyKey ? refused.checks : null;
  const latest = body ? (current ?? checks.data) : undefined;
  const shown = latest ? draftChecks(latest) : undefined;
  const available = (amount: string) => t('fields.available', { amount: formatMoney(amount, lang) });
  const limit80 = /^\d+$/.test(v.totalInvestment) ? ((BigInt(v.totalInvestment) * 8n) / 10n).toString() : null;

  return (
    <>
      <PageHeader title={t('newTitle')} crumbs={[{ label: t('title'), to: '/applications' }, { label: t('newTitle') }]} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" radius="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (step < 3) next();
                else void submit();
              }}
              noValidate
            >
              <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" mb="lg" allowNextStepsSelect={false}>
                <Stepper.Step label={t('steps.borrower')}>
                  <Stack gap="sm">
                    <BorrowerPicker
                      label={t('fields.borrowerId')}
                      placeholder={t('fields.borrowerSearch')}
                      required
                      value={form.values.borrowerId}
                      onChange={(id) => form.setFieldValue('borrowerId', id)}
                      error={form.errors.borrowerId}
                    />
                    <Select
                      label={t('fields.productId')}
                      required
                      data={(products.data?.items ?? []).filter((p) => !p.retired).map((p) => ({ value: p.id, label: `${p.code} — ${p.current.name}` }))}
                      {...form.getInputProps('productId')}
                      description={
                        product &&
                        t('fields.productRange', {
                          min: formatMoney(product.current.minAmount, lang),
                          max: formatMoney(product.current.maxAmount, lang),
                          minTerm: product.current.minTermMonths,
                          maxTerm: product.current.maxTermMonths,
                          rate: formatPercent(product.current.annualInterestRatePercent, lang, 2),
                        })
                      }
                    />
                    <Select
                      label={t('fields.capitalSourceId')}
                      required
                      data={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${available(s.available)}` }))}
                      {...form.getInputProps('capitalSourceId')}
                    />
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('steps.plan')}>
                  <Stack gap="sm">
                    <Textarea label={t('fields.purpose')} required autosize minRows={2} {...form.getInputProps('purpose')} />
                    <Select
                      label={t('fields.sectorCode')}
                      required
                      searchable
                      data={(sectors.data ?? [])
                        .filter((s) => s.version === 'VSIC2018')
                        .map((s) => ({ value: s.code, label: `${s.code} — ${lang === 'vi' ? s.nameVi : s.nameEn}` }))}
                      comboboxProps={{ width: 460, position: 'bottom-start' }}
                      {...form.getInputProps('sectorCode')}
                    />
                    <Group grow align="flex-start">
                      <MoneyInput
                        label={t('fields.totalInvestment')}
                        required
                        value={form.values.totalInvestment}
                        onChange={(d) => form.setFieldValue('totalInvestment', d)}
                        error={form.errors.totalInvestment}
                        description={limit80 && t('fields.planShare', { amount: formatMoney(limit80, lang) })}
                      />
                      <MoneyInput
                        label={t('fields.ownContribution')}
                        required
                        value={form.values.ownContribution}
                        onChange={(d) => form.setFieldValue('ownContribution', d)}
                        error={form.errors.ownContribution}
                      />
                    </Group>
                    <Group grow align="flex-start">
                      <TextInput label={t('fields.creditReportReference')} {...form.getInputProps('creditReportReference')} />
                      <DateInput
                        label={t('fields.creditReportDate')}
                        valueFormat="DD/MM/YYYY"
                        placeholder="dd/mm/yyyy"
                        clearable
                        {...form.getInputProps('creditReportDate')}
                      />
                    </Group>
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('steps.loan')}>
                  <Stack gap="sm">
                    <MoneyInput
                      label={t('fields.requestedAmount')}
                      required
                      value={form.values.requestedAmount}
                      onChange={(d) => form.setFieldValue('requestedAmount', d)}
                      error={form.errors.requestedAmount}
                    />
                    <Group grow align="flex-start">
                      <NumberInput
                        label={t('fields.termMonths')}
                        required
                        min={1}
                        max={600}
                        allowDecimal={false}
                        allowNegative={false}
                        {...form.getInputProps('termMonths')}
                      />
                      <Select
                        label={t('fields.repaymentFrequency')}
                        required
                        data={FREQUENCIES.map((f) => ({ value: f, label: t(`${LENDING_NS}:frequency.${f}`) }))}
                        {...form.getInputProps('repaymentFrequency')}
                      />
                    </Group>
                    <Checkbox label={t('fields.collateralExempt')} {...form.getInputProps('collateralExempt', { type: 'checkbox' })} />
                    {v.collateralExempt ? (
                      <Textarea
                        label={t('fields.collateralExemptionReason')}
                        required
                        autosize
                        minRows={2}
                        {...form.getInputProps('collateralExemptionReason')}
                      />
                    ) : (
                      <Group grow align="flex-start">
                        <TextInput label={t('fields.collateralDescription')} required {...form.getInputProps('collateralDescription')} />
                        <MoneyInput
                          label={t('fields.collateralValue')}
                          required
                          value={form.values.collateralValue}
                          onChange={(d) => form.setFieldValue('collateralValue', d)}
                          error={form.errors.collateralValue}
                        />
                      </Group>
                    )}
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('steps.review')}>
                  <Stack gap="sm">
                    {product && businessDate && (
                      <Text size="sm" c="dimmed">
                        {t('preview.hint', {
                          date: businessDate.split('-').reverse().join('/'),
                          rate: formatPercent(product.current.annualInterestRatePercent, lang, 2),
                        })}
                      </Text>
                    )}
                    {preview.data && <ScheduleTable rows={preview.data.installments} label={t('preview.title')} testId="schedule-preview" />}
                  </Stack>
                </Stepper.Step>
              </Stepper>
              {blocked && (
                <Stack gap="xs" mb="sm">
                  <Alert color="red" role="alert" data-testid="create-blocked">
                    <Text size="sm">{t('blocked')}</Text>
                  </Alert>
                  <LendingRefusals checks={blocked} />
                </Stack>
              )}
              {refusal && !blocked && refusal.errors.length === 0 && (
                <Alert color="red" mb="sm" role="alert">
                  {refusal.detail}
                </Alert>
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
                  {t('previous')}
                </Button>
                {step < 3 ? (
                  <Button type="submit">{t('next')}</Button>
                ) : (
                  <Button type="submit" loading={create.isPending}>
                    {t('submitCreate')}
                  </Button>
                )}
              </Group>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <LendingChecksPanel
            checks={shown?.checks}
            coverRequired={shown?.coverRequired}
            pending={checks.isFetching || (body !== null && current === undefined)}
            incomplete={body === null}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
