import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../shared/format/language';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { useLedgerAccounts, useUpdateGlCode, type LedgerAccount } from './admin-queries';
import { AdminTabs } from './admin-tabs';

/** One account's code, edited in place; the server checks the format and uniqueness. */
function CodeCell({ account, name }: { account: LedgerAccount; name: string }) {
  const { t } = useTranslation(ADMIN_NS);
  const [code, setCode] = useState(account.glCode);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateGlCode();
  const onServerError = useServerErrors({ ns: ADMIN_NS, codeFields: { 'LEDGER.GL_CODE_TAKEN': 'glCode' } });
  const changed = code.trim() !== account.glCode;
  const save = () => {
    setError(null);
    update.mutate(
      { account: account.account, glCode: code.trim() },
      {
        onSuccess: (r) => notifySuccess(t('ledger.saved', { account: name, code: r.glCode })),
        onError: (e) => onServerError(e, { setErrors: (errs) => setError(Object.values(errs)[0] ?? null) }),
      },
    );
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        aria-label={t('ledger.glCodeLabel', { name })}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && changed && save()}
        error={error}
        w={120}
        classNames={{ input: 'num' }}
      />
      {changed && (
        <Button size="xs" onClick={save} loading={update.isPending}>
          {t('common:actions.save')}
        </Button>
      )}
    </Group>
  );
}

/** The ledger's fixed-purpose accounts and the fund's GL code for each (PATCH /ledger/accounts/:account). */
export function LedgerAccountsPage() {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const accounts = useLedgerAccounts();
  return (
    <>
      <PageHeader title={t('tabs.ledger')} crumbs={[{ label: t('title') }]} />
      <AdminTabs />
      <Text size="sm" c="dimmed" mb="sm">
        {t('ledger.hint')}
      </Text>
      {accounts.isError && <ProblemAlert error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.isPending && <TableSkeleton />}
      {accounts.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" aria-label={t('tabs.ledger')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.columns.glCode')}</Table.Th>
                <Table.Th>{t('ledger.columns.name')}</Table.Th>
                <Table.Th>{t('ledger.columns.type')}</Table.Th>
                <Table.Th>{t('ledger.columns.account')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.map((a) => {
                const name = lang === 'vi' ? a.nameVi : a.nameEn;
                return (
                  <Table.Tr key={a.account}>
                    <Table.Td>
                      <CodeCell key={a.glCode} account={a} name={name} />
                    </Table.Td>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>{t(`ledger.types.${a.type}`)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {a.account}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
