import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Problem } from '../../shared/api/problem';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { useCapitalSources, useCreateCapitalSource, type CreateCapitalSource } from './admin-queries';
import { AdminTabs } from './admin-tabs';

const KINDS: CreateCapitalSource['kind'][] = ['CHARTER_CAPITAL', 'ENTRUSTED_BUDGET', 'NATIONAL_EMPLOYMENT_FUND', 'OTHER'];

function SourceForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(ADMIN_NS);
  const create = useCreateCapitalSource();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: ADMIN_NS, codeFields: { 'CAPITAL_SOURCE.NAME_TAKEN': 'name' } });
  const form = useForm<CreateCapitalSource>({
    initialValues: { name: '', kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: true },
    validate: { name: (v) => (v.trim() ? null : t('users.required')) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setRefusal(null);
        clearServerError();
        create.mutate(
          { ...v, name: v.name.trim() },
          { onSuccess: (s) => (notifySuccess(t('sources.created', { name: s.name })), onDone()), onError: (e) => setRefusal(onServerError(e, form)) },
        );
      })}
    >
      <Stack gap="sm">
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.detail}
          </Alert>
        )}
        <TextInput label={t('sources.fields.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('sources.fields.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`sources.kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Checkbox label={t('sources.fields.bearsCreditRisk')} {...form.getInputProps('bearsCreditRisk', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Capital sources with their capital, use and what is still available to lend (domain.md "Capital sources"). */
export function CapitalSourcesPage() {
  const { t } = useTranslation(ADMIN_NS);
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useCapitalSources(page);
  const [creating, setCreating] = useState(false);
  const data = list.data;
  const right = { textAlign: 'right' as const };
  return (
    <>
      <PageHeader
        title={t('tabs.capitalSources')}
        crumbs={[{ label: t('title') }]}
        actions={<Button onClick={() => setCreating(true)}>{t('sources.create')}</Button>}
      />
      <AdminTabs />
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('sources.empty')} />}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('tabs.capitalSources')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sources.columns.name')}</Table.Th>
                <Table.Th>{t('sources.columns.kind')}</Table.Th>
                <Table.Th>{t('sources.columns.risk')}</Table.Th>
                <Table.Th style={right}>{t('sources.columns.capital')}</Table.Th>
                <Table.Th style={right}>{t('sources.columns.outstanding')}</Table.Th>
                <Table.Th style={right}>{t('sources.columns.committed')}</Table.Th>
                <Table.Th style={right}>{t('sources.columns.available')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/capital-sources/${s.id}`} fw={600} size="sm">
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`sources.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{s.bearsCreditRisk ? t('yes') : t('no')}</Table.Td>
                  <Table.Td style={right}>
                    <MoneyText value={s.capital} />
                  </Table.Td>
                  <Table.Td style={right}>
                    <MoneyText value={s.outstanding} />
                  </Table.Td>
                  <Table.Td style={right}>
                    <MoneyText value={s.committed} />
                  </Table.Td>
                  <Table.Td style={right}>
                    <MoneyText value={s.available} bold />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.total > data.items.length && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('common:paging.summary', { from: 1, to: data.items.length, total: data.total })}
        </Text>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('common:actions.close') }} opened={creating} onClose={() => setCreating(false)} title={t('sources.newTitle')}>
        <SourceForm onDone={() => setCreating(false)} />
      </Modal>
    </>
  );
}
