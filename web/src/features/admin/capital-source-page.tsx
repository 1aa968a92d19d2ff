import { Alert, Button, Group, Modal, Pagination, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Problem } from '../../shared/api/problem';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate } from '../../shared/format/date';
import { formatMoney } from '../../shared/format/money';
import { toLanguage } from '../../shared/format/language';
import { useIdempotencyKey } from '../../shared/hooks/use-idempotency-key';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyInput } from '../../shared/ui/money-input';
import { MoneyText } from '../../shared/ui/money-text';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { PAGE_SIZE, useCapitalMovements, useCapitalSource, useRecordMovement, type CreateCapitalMovement } from './admin-queries';

interface MovementValues {
  kind: CreateCapitalMovement['kind'];
  movementDate: string | null;
  reference: string;
  amount: string;
  note: string;
}

/**
 * Records a capital movement (money: Dr cash / Cr source capital). One Idempotency-Key per
 * intended movement: made when the dialog opens, reused by a double click or a retry, forgotten
 * after success (README "Money, dates, idempotency").
 */
function MovementForm({ sourceId, onDone }: { sourceId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const workspace = useWorkspace();
  const idem = useIdempotencyKey();
  const record = useRecordMovement(sourceId);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: ADMIN_NS, codeFields: { 'CAPITAL_SOURCE.WITHDRAWAL_ABOVE_AVAILABLE': 'amount' } });
  const form = useForm<MovementValues>({
    initialValues: { kind: 'ALLOCATION', movementDate: workspace.data?.businessDate ?? null, reference: '', amount: '', note: '' },
    validate: {
      movementDate: (v) => (v ? null : t('users.required')),
      reference: (v) => (v.trim() ? null : t('users.required')),
      amount: (v) => (v ? null : t('users.required')),
    },
  });
  idem.begin();
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setRefusal(null);
        clearServerError();
        record.mutate(
          {
            key: idem.key(),
            body: { kind: v.kind, movementDate: v.movementDate ?? '', reference: v.reference.trim(), amount: v.amount, note: v.note.trim() || undefined },
          },
          {
            onSuccess: (m) => {
              idem.done();
              notifySuccess(t('sources.recorded', { kind: t(`sources.movementKinds.${m.kind}`), amount: formatMoney(m.amount, lang) }));
              onDone();
            },
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
        <Stack gap={4}>
          <Text size="sm" fw={500} id="movement-kind">
            {t('sources.movementFields.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="movement-kind"
            data={(['ALLOCATION', 'WITHDRAWAL'] as const).map((k) => ({ value: k, label: t(`sources.movementKinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
        </Stack>
        <DateInput
          label={t('sources.movementFields.movementDate')}
          required
          valueFormat="DD/MM/YYYY"
          placeholder="dd/mm/yyyy"
          {...form.getInputProps('movementDate')}
        />
        <TextInput label={t('sources.movementFields.reference')} required {...form.getInputProps('reference')} />
        <MoneyInput
          label={t('sources.movementFields.amount')}
          required
          value={form.values.amount}
          onChange={(d) => form.setFieldValue('amount', d)}
          error={form.errors.amount}
        />
        <TextInput label={t('sources.movementFields.note')} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          {/* Disabled while pending: a second click cannot send; a retry reuses the same key. */}
          <Button type="submit" loading={record.isPending} disabled={record.isPending}>
            {t('common:actions.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One capital source: its figures and its movements, and recording a new movement (ADMIN). */
export function CapitalSourcePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(ADMIN_NS);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const source = useCapitalSource(id);
  const movements = useCapitalMovements(id, page);
  const [recording, setRecording] = useState(false);
  const s = source.data;
  if (source.isError) return <ProblemAlert error={source.error} onRetry={() => void source.refetch()} />;
  if (!s) return <TableSkeleton />;
  const figure = (label: string, value: string, bold = false) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg">
        <MoneyText value={value} bold={bold} />
      </Text>
    </div>
  );
  const data = movements.data;
  return (
    <>
      <PageHeader
        title={s.name}
        crumbs={[{ label: t('title') }, { label: t('sources.back'), to: '/admin/capital-sources' }, { label: s.name }]}
        actions={<Button onClick={() => setRecording(true)}>{t('sources.record')}</Button>}
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Text size="sm" mb="xs">
            {t(`sources.kinds.${s.kind}`)} · {t('sources.columns.risk')}: {s.bearsCreditRisk ? t('yes') : t('no')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {figure(t('sources.columns.capital'), s.capital)}
            {figure(t('sources.columns.outstanding'), s.outstanding)}
            {figure(t('sources.columns.committed'), s.committed)}
            {figure(t('sources.columns.available'), s.available, true)}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600} mb="sm" component="h2" size="lg">
            {t('sources.movements')}
          </Text>
          {movements.isPending && <TableSkeleton rows={4} />}
          {data && data.items.length === 0 && <EmptyState title={t('sources.noMovements')} />}
          {data && data.items.length > 0 && (
            <>
              <Table.ScrollContainer minWidth={700}>
                <Table striped verticalSpacing="xs" aria-label={t('sources.movements')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('sources.movementColumns.date')}</Table.Th>
                      <Table.Th>{t('sources.movementColumns.kind')}</Table.Th>
                      <Table.Th>{t('sources.movementColumns.reference')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('sources.movementColumns.amount')}</Table.Th>
                      <Table.Th>{t('sources.movementColumns.note')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.movementDate)}</Table.Td>
                        <Table.Td>{t(`sources.movementKinds.${m.kind}`)}</Table.Td>
                        <Table.Td>{m.reference}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          <MoneyText value={m.kind === 'WITHDRAWAL' ? `-${m.amount}` : m.amount} />
                        </Table.Td>
                        <Table.Td>{m.note ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {data.total > PAGE_SIZE && (
                <Pagination
                  mt="sm"
                  total={Math.ceil(data.total / PAGE_SIZE)}
                  value={page}
                  onChange={(p) => setParams({ page: String(p) })}
                  getControlProps={(control) => ({ 'aria-label': control })}
                  aria-label={t('common:paging.label')}
                />
              )}
            </>
          )}
        </Paper>
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('sources.recordTitle', { name: s.name })}
      >
        {recording && <MovementForm sourceId={s.id} onDone={() => setRecording(false)} />}
      </Modal>
    </>
  );
}
