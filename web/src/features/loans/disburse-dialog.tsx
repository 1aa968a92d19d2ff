import { Alert, Button, Grid, Group, Modal, Select, Stack, Table, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm, type FormRulesRecord, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { MoneyInput } from '../../shared/ui/money-input';
import { MoneyText } from '../../shared/ui/money-text';
import { notifySuccess } from '../../shared/ui/notify';
import { compareMoney, subtractMoney, sumMoney } from './loan-sums';
import { LOANS_NS } from './loans-i18n';
import { useCapitalSource, useDisburse, type Loan } from './loans-queries';
import { useMoneyAction } from './use-money-action';

export const CHANNELS = ['BANK_TRANSFER', 'CASH', 'OTHER'] as const;

export interface MovementValues {
  amount: string;
  valueDate: string | null;
  reference: string;
  channel: string;
}

/** Domain refusals shown beside the field they concern. */
export const MOVEMENT_CODE_FIELDS: Record<string, string> = {
  'LOAN.DISBURSEMENT_ABOVE_APPROVED': 'amount',
  'LOAN.CAPITAL_SOURCE_SHORT': 'amount',
  'LOAN.TOO_MANY_TRANCHES': 'amount',
  'LOAN.REPAYMENT_ABOVE_PAYOFF': 'amount',
  'LOAN.VALUE_DATE_IN_FUTURE': 'valueDate',
  'LOAN.VALUE_DATE_BEFORE_CONTRACT': 'valueDate',
  'LOAN.VALUE_DATE_TOO_OLD': 'valueDate',
  'LOAN.BEFORE_FIRST_DISBURSEMENT': 'valueDate',
  'LOAN.CREDIT_REPORT_STALE': 'valueDate',
};

export function movementValidate(t: (k: string) => string) {
  return {
    amount: (v: string) => (v ? null : t('required')),
    valueDate: (v: string | null) => (v ? null : t('required')),
    reference: (v: string) => (v.trim() ? null : t('required')),
  };
}

/** A refusal the officer must fix in the form (a field or a rule about one), rather than retry as is. */
export function isFormRefusal(problem: Problem | null): boolean {
  return !!problem && (problem.errors.length > 0 || problem.code in MOVEMENT_CODE_FIELDS || problem.status === 400 || problem.status === 422);
}

/** The movement fields shared by the disbursement and the repayment forms. */
export function MovementFields({ form }: { form: UseFormReturnType<MovementValues, MovementValues, FormRulesRecord<MovementValues>> }) {
  const { t } = useTranslation(LOANS_NS);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <MoneyInput
          label={t('fields.amount')}
          required
          data-autofocus
          {...form.getInputProps('amount')}
          value={form.values.amount}
          onChange={(digits) => form.setFieldValue('amount', digits)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <DateInput label={t('fields.valueDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('valueDate')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('fields.reference')} required {...form.getInputProps('reference')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t('fields.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`transactions.channels.${c}`) }))}
          allowDeselect={false}
          {...form.getInputProps('channel')}
        />
      </Grid.Col>
    </Grid>
  );
}

/** Giải ngân một đợt: amount, value date (the business date by default), the source's availability; confirm after review. */
export function DisburseDialog({ loan, businessDate, onClose }: { loan: Loan; businessDate: string; onClose: () => void }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const [step, setStep] = useState<'form' | 'review'>('form');
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const source = useCapitalSource(loan.capitalSourceId, true);
  const disburse = useDisburse(loan.id);
  const action = useMoneyAction();
  const onServerError = useServerErrors({ ns: LOANS_NS, codeFields: MOVEMENT_CODE_FIELDS });
  const form = useForm<MovementValues>({
    initialValues: { amount: '', valueDate: businessDate, reference: '', channel: 'BANK_TRANSFER' },
    validate: movementValidate(t),
  });
  const remaining = subtractMoney(loan.approvedAmount, loan.principalDisbursed);
  const available = source.data?.available;
  const v = form.values;
  const body = { amount: v.amount, valueDate: v.valueDate ?? '', reference: v.reference.trim(), channel: v.channel as (typeof CHANNELS)[number] };

  const confirm = () =>
    action.guard(async () => {
      setRefusal(null);
      try {
        await disburse.mutateAsync({ body, key: action.keyFor(body) });
        action.succeeded();
        notifySuccess(t('disburse.done', { amount: formatMoney(body.amount, lang) }));
        onClose();
      } catch (e) {
        const problem = onServerError(e, form);
        setRefusal(problem);
        if (isFormRefusal(problem)) setStep('form');
      }
    });

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      title={t('disburse.title', { contract: loan.contractNumber })}
      size="lg"
    >
      <Stack gap="sm">
        <Table verticalSpacing={4} aria-label={t('disburse.remaining')}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('disburse.remaining')}</Table.Td>
              <Table.Td ta="right">
                <MoneyText value={remaining} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr data-testid="source-available">
              <Table.Td>{t('disburse.source', { name: source.data?.name ?? '…' })}</Table.Td>
              <Table.Td ta="right">{available ? <MoneyText value={available} /> : '…'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {step === 'form' && (
          <form
            noValidate
            onSubmit={form.onSubmit(() => {
              setRefusal(null);
              setStep('review');
            })}
          >
            <Stack gap="sm">
              {refusal && !refusal.errors.length && (
                <Alert color="red" role="alert">
                  {refusal.detail}
                </Alert>
              )}
              <MovementFields form={form} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit">{t('actions.review')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {step === 'review' && (
          <Stack gap="sm" data-testid="disburse-review">
            <Alert color="blue">
              {t('disburse.willDo', { amount: formatMoney(v.amount, lang), date: formatDate(v.valueDate), source: source.data?.name ?? '' })}
            </Alert>
            {available && compareMoney(v.amount, available) > 0 && (
              <Alert color="orange" role="alert">
                {t('disburse.sourceShort', { amount: formatMoney(available, lang) })}
              </Alert>
            )}
            <Table verticalSpacing={4}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{t('disburse.afterOutstanding')}</Table.Td>
                  <Table.Td ta="right">
                    <MoneyText value={sumMoney([loan.outstandingPrincipal, v.amount])} bold />
                  </Table.Td>
                </Table.Tr>
                {available && (
                  <Table.Tr>
                    <Table.Td>{t('disburse.afterAvailable')}</Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={subtractMoney(available, v.amount)} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
            {refusal && (
              <Alert color="red" role="alert">
                {refusal.detail}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStep('form')} disabled={disburse.isPending}>
                {t('actions.edit')}
              </Button>
              <Button onClick={() => void confirm()} loading={disburse.isPending} disabled={disburse.isPending}>
                {t('actions.confirmDisburse')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
