import { Alert, Button, Checkbox, Group, Modal, Pagination, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Problem } from '../../shared/api/problem';
import { useMe } from '../../shared/auth/use-me';
import { formatInstant } from '../../shared/format/date';
import { formatCount } from '../../shared/format/money';
import { toLanguage } from '../../shared/format/language';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { EmptyState } from '../../shared/ui/empty-state';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import {
  PAGE_SIZE,
  useBorrowerSearch,
  useCreateUser,
  useResetPassword,
  useSetUserActive,
  useUpdateUser,
  useUsers,
  type Role,
  type User,
} from './admin-queries';
import { AdminTabs } from './admin-tabs';

const ROLES: Role[] = ['ADMIN', 'OFFICER', 'APPROVER', 'AUDITOR', 'COOPERATIVE'];
const CODE_FIELDS = {
  'USER.USERNAME_TAKEN': 'username',
  'USER.COOPERATIVE_NEEDS_BORROWER': 'borrowerId',
  'USER.BORROWER_ONLY_FOR_COOPERATIVE': 'roles',
  'USER.BORROWER_NOT_FOUND': 'borrowerId',
  'USER.CANNOT_DEMOTE_SELF': 'roles',
};

/** Picks the borrower a cooperative user acts for, searching the registry as the admin types. */
function BorrowerPicker({
  value,
  initialLabel,
  onChange,
  error,
}: {
  value: string | null;
  initialLabel?: string | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation(ADMIN_NS);
  const [search, setSearch] = useState('');
  const found = useBorrowerSearch(search.trim().length >= 2 ? search.trim() : '');
  const options = (found.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.legalName} (${b.identityCode})` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      label={t('users.fields.borrower')}
      description={t('users.fields.borrowerHint')}
      searchable
      required
      data={options}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={found.isFetching ? '…' : '—'}
      error={error}
    />
  );
}

interface UserValues {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  borrowerId: string | null;
}

function UserForm({ editing, onDone }: { editing: User | null; onDone: () => void }) {
  const { t } = useTranslation(ADMIN_NS);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const onServerError = useServerErrors({ ns: ADMIN_NS, codeFields: CODE_FIELDS });
  const form = useForm<UserValues>({
    initialValues: {
      username: editing?.username ?? '',
      displayName: editing?.displayName ?? '',
      password: '',
      roles: editing?.roles ?? ['OFFICER'],
      borrowerId: editing?.borrowerId ?? null,
    },
    validate: {
      username: (v) => (editing || v.trim() ? null : t('users.required')),
      displayName: (v) => (v.trim() ? null : t('users.required')),
      password: (v) => (editing || v ? null : t('users.required')),
      roles: (v) => (v.length ? null : t('users.required')),
      borrowerId: (v, values) => (!values.roles.includes('COOPERATIVE') || v ? null : t('users.pickBorrower')),
    },
  });
  const cooperative = form.values.roles.includes('COOPERATIVE');
  const submit = (v: UserValues) => {
    setRefusal(null);
    clearServerError();
    const fail = (e: unknown) => setRefusal(onServerError(e, form));
    const borrowerId = v.roles.includes('COOPERATIVE') ? (v.borrowerId ?? undefined) : undefined;
    if (editing) {
      update.mutate(
        { id: editing.id, body: { displayName: v.displayName.trim(), roles: v.roles, borrowerId: borrowerId ?? null } },
        { onSuccess: (u) => (notifySuccess(t('users.saved', { username: u.username })), onDone()), onError: fail },
      );
    } else {
      create.mutate(
        { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, roles: v.roles, borrowerId },
        { onSuccess: (u) => (notifySuccess(t('users.created', { username: u.username })), onDone()), onError: fail },
      );
    }
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.detail}
          </Alert>
        )}
        <TextInput
          label={t('users.fields.username')}
          description={t('users.fields.usernameHint')}
          required
          disabled={!!editing}
          autoComplete="off"
          {...form.getInputProps('username')}
        />
        <TextInput label={t('users.fields.displayName')} required {...form.getInputProps('displayName')} />
        {!editing && (
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.fields.passwordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <Checkbox.Group label={t('users.fields.roles')} description={t('users.fields.rolesHint')} required {...form.getInputProps('roles')}>
          <Group mt={6} gap="md">
            {ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`common:roles.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {cooperative && (
          <BorrowerPicker
            value={form.values.borrowerId}
            initialLabel={editing?.borrowerName}
            onChange={(id) => form.setFieldValue('borrowerId', id)}
            error={form.errors.borrowerId}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation(ADMIN_NS);
  const reset = useResetPassword();
  const onServerError = useServerErrors({ ns: ADMIN_NS });
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v ? null : t('users.required')) } });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        reset.mutate(
          { id: user.id, password: v.password },
          { onSuccess: () => (notifySuccess(t('users.passwordReset', { username: user.username })), onDone()), onError: (e) => onServerError(e, form) },
        ),
      )}
      noValidate
    >
      <Stack gap="sm">
        <PasswordInput
          label={t('users.fields.newPassword')}
          description={t('users.fields.passwordHint')}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Users: roles, the borrower a cooperative user acts for, disable/enable and password reset (ADMIN). */
export function UsersPage() {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useUsers(page);
  const setActive = useSetUserActive();
  const me = useMe();
  const onServerError = useServerErrors({ ns: ADMIN_NS });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'password'; user: User } | null>(null);
  const close = () => setDialog(null);
  const data = list.data;

  const toggle = (u: User) => {
    if (u.active && !window.confirm(t('users.disableConfirm', { username: u.username }))) return;
    setActive.mutate(
      { id: u.id, active: !u.active },
      { onSuccess: (r) => notifySuccess(t(r.active ? 'users.enabledDone' : 'users.disabledDone', { username: r.username })), onError: (e) => onServerError(e) },
    );
  };

  return (
    <>
      <PageHeader
        title={t('tabs.users')}
        crumbs={[{ label: t('title') }]}
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>{t('users.create')}</Button>}
      />
      <AdminTabs />
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('users.empty')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={1040}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('tabs.users')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.columns.username')}</Table.Th>
                  <Table.Th>{t('users.columns.displayName')}</Table.Th>
                  <Table.Th>{t('users.columns.roles')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.columns.borrower')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.columns.status')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.columns.createdAt')}</Table.Th>
                  <Table.Th>{t('users.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td fw={600}>{u.username}</Table.Td>
                    <Table.Td>{u.displayName}</Table.Td>
                    <Table.Td>{u.roles.map((r) => t(`common:roles.${r}`)).join(', ')}</Table.Td>
                    <Table.Td>{u.borrowerName ?? ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={u.active ? undefined : 'dimmed'}>
                        <span aria-hidden style={{ color: u.active ? '#2f9e44' : '#868e96' }}>
                          ●{' '}
                        </span>
                        {u.active ? t('users.active') : t('users.disabled')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(u.createdAt)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'edit', user: u })}
                          aria-label={`${t('users.edit')} ${u.username}`}
                        >
                          {t('users.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'password', user: u })}
                          aria-label={`${t('users.resetPassword')} ${u.username}`}
                        >
                          {t('users.resetPassword')}
                        </Button>
                        {/* The server refuses disabling oneself; the button is not offered. */}
                        {u.id !== me.data?.id && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color={u.active ? 'red' : 'green'}
                            onClick={() => toggle(u)}
                            aria-label={`${t(u.active ? 'users.disable' : 'users.enable')} ${u.username}`}
                          >
                            {t(u.active ? 'users.disable' : 'users.enable')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">
              {t('common:paging.summary', {
                from: formatCount((page - 1) * PAGE_SIZE + 1, lang),
                to: formatCount((page - 1) * PAGE_SIZE + data.items.length, lang),
                total: formatCount(data.total, lang),
              })}
            </Text>
            <Pagination
              total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
              value={page}
              onChange={(p) => setParams({ page: String(p) })}
              getControlProps={(control) => ({ 'aria-label': control })}
              aria-label={t('common:paging.label')}
            />
          </Group>
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        opened={dialog !== null}
        onClose={close}
        title={
          dialog?.kind === 'create'
            ? t('users.newTitle')
            : dialog?.kind === 'edit'
              ? t('users.editTitle', { username: dialog.user.username })
              : dialog
                ? t('users.resetTitle', { username: dialog.user.username })
                : ''
        }
        size="lg"
      >
        {dialog?.kind === 'create' && <UserForm editing={null} onDone={close} />}
        {dialog?.kind === 'edit' && <UserForm editing={dialog.user} onDone={close} />}
        {dialog?.kind === 'password' && <ResetPasswordForm user={dialog.user} onDone={close} />}
      </Modal>
    </>
  );
}
