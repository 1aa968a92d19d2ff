import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { LOANS_NS } from './loans-i18n';
import { useProposeRestructuring, useProposeWriteOff, type Loan } from './loans-queries';

type RestructuringType = 'ADJUSTMENT' | 'EXTENSION';

/** Đề xuất cơ cấu lại nợ (Decree 45 Art. 27): the proposal goes to another person's approval; nothing changes until then. */
export function RestructureDialog({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useTranslation(LOANS_NS);
  const propose = useProposeRestructuring(loan.id);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: LOANS_NS, codeFields: { 'RESTRUCTURING.INVALID_SCHEDULE': 'newMaturityDate' } });
  const form = useForm<{ type: RestructuringType; reason: string; newMaturityDate: string | null }>({
    initialValues: { type: 'EXTENSION', reason: '', newMaturityDate: null },
    validate: {
      reason: (v) => (v.trim() ? null : t('required')),
      newMaturityDate: (v, values) => (values.type === 'EXTENSION' && !v ? t('required') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setRefusal(null);
    try {
      await propose.mutateAsync({
        type: v.type,
        reason: v.reason.trim(),
        ...(v.type === 'EXTENSION' && v.newMaturityDate ? { newMaturityDate: v.newMaturityDate } : {}),
      });
      notifySuccess(t('restructure.done'));
      onClose();
    } catch (e) {
      setRefusal(onServerError(e, form));
    }
  });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common:actions.close') }} title={t('restructure.title')} size="lg">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Alert color="blue">{t('restructure.willDo')}</Alert>
          <Select
            label={t('fields.type')}
            data={(['EXTENSION', 'ADJUSTMENT'] as const).map((v) => ({ value: v, label: t(`restructure.types.${v}`) }))}
            allowDeselect={false}
            description={t('restructure.hint')}
            {...form.getInputProps('type')}
          />
          {form.values.type === 'EXTENSION' && (
            <DateInput
              label={t('fields.newMaturityDate')}
              required
              valueFormat="DD/MM/YYYY"
              placeholder="dd/mm/yyyy"
              {...form.getInputProps('newMaturityDate')}
            />
          )}
          <Textarea label={t('fields.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          {refusal && !refusal.errors.length && (
            <Alert color="red" role="alert">
              {refusal.detail}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={propose.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={propose.isPending} disabled={propose.isPending}>
              {t('actions.confirmPropose')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Đề xuất xử lý rủi ro: group-5 loans only (domain.md "Restructuring and risk"); an approver other than the proposer decides. */
export function WriteOffDialog({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useTranslation(LOANS_NS);
  const propose = useProposeWriteOff(loan.id);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: LOANS_NS });
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v: string) => (v.trim() ? null : t('required')) } });
  const submit = form.onSubmit(async (v) => {
    setRefusal(null);
    try {
      await propose.mutateAsync(v.reason.trim());
      notifySuccess(t('writeOff.done'));
      onClose();
    } catch (e) {
      setRefusal(onServerError(e, form));
    }
  });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common:actions.close') }} title={t('writeOff.title')} size="lg">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Alert color="orange">{t('writeOff.willDo')}</Alert>
          <Textarea label={t('fields.reason')} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          {refusal && !refusal.errors.length && (
            <Alert color="red" role="alert">
              {refusal.detail}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={propose.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={propose.isPending} disabled={propose.isPending}>
              {t('actions.confirmPropose')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
