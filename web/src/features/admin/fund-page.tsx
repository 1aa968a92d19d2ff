import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate } from '../../shared/format/date';
import { formatMoney } from '../../shared/format/money';
import { toLanguage } from '../../shared/format/language';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyInput } from '../../shared/ui/money-input';
import { MoneyText } from '../../shared/ui/money-text';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { useCharterCapital, useSetCharterCapital } from './admin-queries';
import { AdminTabs } from './admin-tabs';

function CharterForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const workspace = useWorkspace();
  const set = useSetCharterCapital();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: ADMIN_NS });
  const form = useForm<{ effectiveDate: string | null; amount: string; note: string }>({
    initialValues: { effectiveDate: workspace.data?.businessDate ?? null, amount: '', note: '' },
    validate: { effectiveDate: (v) => (v ? null : t('users.required')), amount: (v) => (v ? null : t('users.required')) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setRefusal(null);
        clearServerError();
        set.mutate(
          { effectiveDate: v.effectiveDate ?? '', amount: v.amount, note: v.note.trim() || undefined },
          {
            onSuccess: (c) => (notifySuccess(t('fund.saved', { amount: formatMoney(c.amount, lang), date: formatDate(c.effectiveDate) })), onDone()),
            onError: (e) => setRefusal(onServerError(e, form)),
          },
        );
      })}
    >
      <Stack gap="sm">
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.detail}
          </Alert>
        )}
        <DateInput label={t('fund.fields.effectiveDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('effectiveDate')} />
        <MoneyInput
          label={t('fund.fields.amount')}
          required
          value={form.values.amount}
          onChange={(d) => form.setFieldValue('amount', d)}
          error={form.errors.amount}
        />
        <TextInput label={t('fund.fields.note')} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={set.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Fund parameters: the fund's name and the paid-in charter capital history (dated settings). */
export function FundPage() {
  const { t } = useTranslation(ADMIN_NS);
  const workspace = useWorkspace();
  const charter = useCharterCapital();
  const [adding, setAdding] = useState(false);
  const today = workspace.data?.businessDate ?? '9999-12-31';
  const rows = [...(charter.data ?? [])].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate));
  const inForce = rows.find((r) => r.effectiveDate <= today);
  return (
    <>
      <PageHeader title={t('tabs.fund')} crumbs={[{ label: t('title') }]} actions={<Button onClick={() => setAdding(true)}>{t('fund.add')}</Button>} />
      <AdminTabs />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('fund.fundName')}
          </Text>
          <Text fw={600}>{workspace.data?.fundName ?? ''}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb={4}>
            {t('fund.charter')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('fund.charterHint')}
          </Text>
          {charter.isError && <ProblemAlert error={charter.error} onRetry={() => void charter.refetch()} />}
          {charter.isPending && <TableSkeleton rows={3} />}
          {charter.data && rows.length === 0 && <EmptyState title={t('fund.none')} />}
          {rows.length > 0 && (
            <Table striped verticalSpacing="xs" aria-label={t('fund.charter')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fund.columns.effectiveDate')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('fund.columns.amount')}</Table.Th>
                  <Table.Th>{t('fund.columns.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(r.effectiveDate)}{' '}
                      {r === inForce && (
                        <Badge size="sm" variant="filled" color="#1f6f33" tt="none" ml={4}>
                          {t('fund.inForce')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <MoneyText value={r.amount} bold={r === inForce} />
                    </Table.Td>
                    <Table.Td>{r.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
      <Modal closeButtonProps={{ 'aria-label': t('common:actions.close') }} opened={adding} onClose={() => setAdding(false)} title={t('fund.addTitle')}>
        {adding && <CharterForm onDone={() => setAdding(false)} />}
      </Modal>
    </>
  );
}
