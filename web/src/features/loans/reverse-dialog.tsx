import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { LOANS_NS } from './loans-i18n';
import { useReverse, type LoanEvent } from './loans-queries';
import { useMoneyAction } from './use-money-action';

/** Hủy thu nợ with a reason: what will happen is said before it happens; the repayment stays on record. */
export function ReverseDialog({ loanId, event, onClose }: { loanId: string; event: LoanEvent; onClose: () => void }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const reverse = useReverse(loanId);
  const action = useMoneyAction();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: LOANS_NS });
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v: string) => (v.trim() ? null : t('required')) } });
  const submit = form.onSubmit(
    (values) =>
      void action.guard(async () => {
        setRefusal(null);
        const body = { rid: event.id, reason: values.reason.trim() };
        try {
          await reverse.mutateAsync({ ...body, key: action.keyFor(body) });
          action.succeeded();
          notifySuccess(t('reverse.done'));
          onClose();
        } catch (e) {
          setRefusal(onServerError(e, form));
        }
      }),
  );
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common:actions.close') }} title={t('reverse.title')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Alert color="orange">
            {t('reverse.willDo', { amount: formatMoney(event.amount, lang), date: formatDate(event.valueDate), reference: event.reference ?? '—' })}
          </Alert>
          <Textarea label={t('fields.reason')} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          {refusal && !refusal.errors.length && (
            <Alert color="red" role="alert">
              {refusal.detail}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={reverse.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reverse.isPending} disabled={reverse.isPending}>
              {t('actions.confirmReverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
