import { Alert, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { MoneyText } from '../../shared/ui/money-text';
import { notifySuccess } from '../../shared/ui/notify';
import { CHANNELS, isFormRefusal, MOVEMENT_CODE_FIELDS, MovementFields, movementValidate, type MovementValues } from './disburse-dialog';
import { sumMoney } from './loan-sums';
import { LOANS_NS } from './loans-i18n';
import { usePayoff, usePreviewRepayment, useRepay, type Loan, type RepaymentPreview } from './loans-queries';
import { useMoneyAction } from './use-money-action';

function PayoffQuote({ loanId, date }: { loanId: string; date: string | null }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const payoff = usePayoff(loanId, date, !!date);
  const q = payoff.data;
  return (
    <Paper withBorder radius="md" p="sm" role="status" data-testid="payoff">
      <Text size="sm" fw={600}>
        {t('repay.payoff', { date: formatDate(date) })}
      </Text>
      {q ? (
        <>
          <Text fw={700} size="lg">
            <MoneyText value={q.total} />
          </Text>
          <Text size="xs">
            {t('repay.payoffParts', {
              principal: formatMoney(sumMoney([q.duePrincipal, q.notDuePrincipal]), lang),
              interest: formatMoney(sumMoney([q.billedInterest, q.accruedInterest]), lang),
              penalty: formatMoney(sumMoney([q.overdueInterest, q.lateInterest]), lang),
            })}
          </Text>
        </>
      ) : (
        <Text size="sm">{payoff.isError ? '—' : t('common:loading')}</Text>
      )}
    </Paper>
  );
}

/**
 * Thu nợ: the payoff quote beside the form; "review" asks the API's dry run for the allocation it
 * will apply and the balances after (no money moves); only the confirmation records the repayment.
 */
export function RepayDialog({ loan, businessDate, onClose }: { loan: Loan; businessDate: string; onClose: () => void }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const [preview, setPreview] = useState<RepaymentPreview | null>(null);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const dryRun = usePreviewRepayment(loan.id);
  const repay = useRepay(loan.id);
  const action = useMoneyAction();
  const onServerError = useServerErrors({ ns: LOANS_NS, codeFields: MOVEMENT_CODE_FIELDS });
  const form = useForm<MovementValues>({
    initialValues: { amount: '', valueDate: businessDate, reference: '', channel: 'BANK_TRANSFER' },
    validate: movementValidate(t),
  });
  const v = form.values;
  const payoff = usePayoff(loan.id, v.valueDate, !!v.valueDate);
  /** The server's refusal, with the payoff refusal said in the user's number and date format beside the amount. */
  const refused = (e: unknown): Problem | null => {
    const problem = onServerError(e, form);
    if (problem?.code === 'LOAN.REPAYMENT_ABOVE_PAYOFF' && payoff.data) {
      form.setFieldError('amount', t('repay.abovePayoff', { payoff: formatMoney(payoff.data.total, lang), date: formatDate(payoff.data.date) }));
    }
    return problem;
  };
  const body = { amount: v.amount, valueDate: v.valueDate ?? '', reference: v.reference.trim(), channel: v.channel as (typeof CHANNELS)[number] };

  const review = form.onSubmit(async () => {
    setRefusal(null);
    try {
      setPreview(await dryRun.mutateAsync({ amount: body.amount, valueDate: body.valueDate }));
    } catch (e) {
      setRefusal(refused(e));
    }
  });

  const confirm = () =>
    action.guard(async () => {
      setRefusal(null);
      try {
        await repay.mutateAsync({ body, key: action.keyFor(body) });
        action.succeeded();
        notifySuccess(t('repay.done', { amount: formatMoney(body.amount, lang) }));
        onClose();
      } catch (e) {
        const problem = refused(e);
        setRefusal(problem);
        if (isFormRefusal(problem)) setPreview(null);
      }
    });

  const after = preview?.loan;
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      title={t('repay.title', { contract: loan.contractNumber })}
      size="xl"
    >
      <Stack gap="sm">
        <PayoffQuote loanId={loan.id} date={v.valueDate} />
        {!preview && (
          <form noValidate onSubmit={(e) => void review(e)}>
            <Stack gap="sm">
              {refusal && !refusal.errors.length && !(refusal.code in MOVEMENT_CODE_FIELDS) && (
                <Alert color="red" role="alert">
                  {refusal.detail}
                </Alert>
              )}
              <MovementFields form={form} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit" loading={dryRun.isPending}>
                  {t('actions.review')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {preview && after && (
          <Stack gap="sm" data-testid="repay-review">
            <Alert color="blue">{t('repay.willDo', { amount: formatMoney(preview.amount, lang), date: formatDate(preview.valueDate) })}</Alert>
            <Text fw={600}>{t('repay.allocationTitle')}</Text>
            <Table verticalSpacing={4} striped aria-label={t('repay.allocationTitle')} data-testid="allocation-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('repay.step')}</Table.Th>
                  <Table.Th>{t('repay.component')}</Table.Th>
                  <Table.Th ta="right">{t('repay.installment')}</Table.Th>
                  <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.allocation.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{t(`steps.${l.step}`)}</Table.Td>
                    <Table.Td>{t(`components.${l.component}`)}</Table.Td>
                    <Table.Td ta="right" className="num">
                      {l.installmentSeq ?? '—'}
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText value={l.amount} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={3}>{t('schedule.totals')}</Table.Th>
                  <Table.Td ta="right">
                    <MoneyText value={preview.amount} bold />
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
            <Text fw={600}>{t('repay.after')}</Text>
            <Table verticalSpacing={4} aria-label={t('repay.after')}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{t('overview.outstandingPrincipal')}</Table.Td>
                  <Table.Td ta="right">
                    <MoneyText value={loan.outstandingPrincipal} /> → <MoneyText value={after.outstandingPrincipal} bold />
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('overview.overduePrincipal')}</Table.Td>
                  <Table.Td ta="right">
                    <MoneyText value={loan.overduePrincipal} /> → <MoneyText value={after.overduePrincipal} bold />
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('overview.penalty')}</Table.Td>
                  <Table.Td ta="right">
                    <MoneyText value={sumMoney([loan.overdueInterest, loan.lateInterest])} /> →{' '}
                    <MoneyText value={sumMoney([after.overdueInterest, after.lateInterest])} bold />
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {after.status === 'CLOSED' && <Alert color="green">{t('repay.settles')}</Alert>}
            {refusal && (
              <Alert color="red" role="alert">
                {refusal.detail}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)} disabled={repay.isPending}>
                {t('actions.edit')}
              </Button>
              <Button onClick={() => void confirm()} loading={repay.isPending} disabled={repay.isPending}>
                {t('actions.confirmRepay')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
