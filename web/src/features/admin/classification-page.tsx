import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatPercent } from '../../shared/format/percent';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { useClassificationPolicies, usePutClassificationPolicy, type ClassificationPolicy } from './admin-queries';
import { AdminTabs } from './admin-tabs';

/** The stored definition (close-of-business/domain/policy-record.ts); the API types it as an object. */
interface Definition {
  dpdThresholds: Array<{ minDpd: number; group: number }>;
  restructuringRules: Array<{ minRestructurings: number; minDpd: number; group: number; basis: string }>;
  specificProvisionRates: Record<string, string>;
  generalProvisionRate: string;
  generalProvisionGroups: number[];
  deductCollateral: boolean;
}

/** A fraction ("0.2") as a percentage string ("20") for formatPercent, on the digits. */
function fractionToPercent(fraction: string): string {
  const [i = '0', f = ''] = fraction.split('.');
  const padded = f.padEnd(2, '0');
  const int = `${i}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2);
  return rest ? `${int}.${rest}` : int;
}

function PolicyDetail({ policy }: { policy: ClassificationPolicy }) {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const d = policy.definition as unknown as Definition;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('classification.dpd')}
        </Text>
        <Table verticalSpacing={4} aria-label={t('classification.dpd')}>
          <Table.Tbody>
            {d.dpdThresholds.map((r) => (
              <Table.Tr key={r.group}>
                <Table.Td>{t('classification.dpdRow', { days: r.minDpd })}</Table.Td>
                <Table.Td>
                  <DebtGroupBadge group={r.group} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('classification.provision')}
        </Text>
        <Table verticalSpacing={4} aria-label={t('classification.provision')}>
          <Table.Tbody>
            {Object.entries(d.specificProvisionRates).map(([g, rate]) => (
              <Table.Tr key={g}>
                <Table.Td>
                  <DebtGroupBadge group={Number(g)} />
                </Table.Td>
                <Table.Td className="num" style={{ textAlign: 'right' }}>
                  {formatPercent(fractionToPercent(rate), lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="xs">
          {t('classification.general', { rate: formatPercent(fractionToPercent(d.generalProvisionRate), lang), groups: d.generalProvisionGroups.join(', ') })}
        </Text>
        <Text size="sm">
          {t('classification.collateral')}: {d.deductCollateral ? t('yes') : t('no')}
        </Text>
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('classification.restructuring')}
        </Text>
        <Stack gap={6}>
          {d.restructuringRules.map((r) => (
            <Group key={`${r.minRestructurings}-${r.minDpd}`} gap="xs" wrap="nowrap" align="flex-start">
              {/* The badge keeps its width; the rule's text wraps beside it. */}
              <div style={{ flexShrink: 0 }}>
                <DebtGroupBadge group={r.group} />
              </div>
              <Text size="sm">{t('classification.restructuringRow', { times: r.minRestructurings, days: r.minDpd })}</Text>
            </Group>
          ))}
        </Stack>
      </div>
    </SimpleGrid>
  );
}

function PutPolicyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(ADMIN_NS);
  const workspace = useWorkspace();
  const put = usePutClassificationPolicy();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const onServerError = useServerErrors({ ns: ADMIN_NS });
  // Each template's own choice (BANK deducts collateral, MICROFINANCE does not) until the admin changes it.
  const form = useForm<{ code: 'MICROFINANCE' | 'BANK'; effectiveFrom: string | null; deductCollateral: boolean }>({
    initialValues: { code: 'BANK', effectiveFrom: workspace.data?.businessDate ?? null, deductCollateral: true },
    validate: { effectiveFrom: (v) => (v ? null : t('users.required')) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setRefusal(null);
        clearServerError();
        put.mutate(
          { code: v.code, effectiveFrom: v.effectiveFrom ?? '', deductCollateral: v.deductCollateral },
          {
            onSuccess: (p) => (
              notifySuccess(t('classification.saved', { code: t(`classification.codes.${p.code}`), date: formatDate(p.effectiveFrom) })),
              onDone()
            ),
            onError: (e) => setRefusal(onServerError(e, form)),
          },
        );
      })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('classification.putHint')}
        </Text>
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.detail}
          </Alert>
        )}
        <Select
          label={t('classification.fields.code')}
          data={(['MICROFINANCE', 'BANK'] as const).map((c) => ({ value: c, label: t(`classification.codes.${c}`) }))}
          allowDeselect={false}
          {...form.getInputProps('code')}
          onChange={(code: string | null) => {
            if (code !== 'MICROFINANCE' && code !== 'BANK') return;
            form.setValues({ code, deductCollateral: code === 'BANK' });
          }}
        />
        <DateInput
          label={t('classification.fields.effectiveFrom')}
          required
          valueFormat="DD/MM/YYYY"
          placeholder="dd/mm/yyyy"
          {...form.getInputProps('effectiveFrom')}
        />
        <Checkbox
          label={t('classification.fields.deductCollateral')}
          description={t('classification.deductHint')}
          {...form.getInputProps('deductCollateral', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={put.isPending}>
            {t('common:actions.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The API names the legal basis in English ("Circular 14/2024/TT-NHNN"); Vietnamese readers get "Thông tư …". */
function legalBasis(text: string, lang: 'vi' | 'en'): string {
  return lang === 'vi'
    ? text
        .replace(/\bCircular\b/g, 'Thông tư')
        .replace(/\bDecree\b/g, 'Nghị định')
        .replace(/\bDecision\b/g, 'Quyết định')
    : text;
}

/** The debt classification policy in force and its history (domain.md "Restructuring and risk"). */
export function ClassificationPage() {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const policies = useClassificationPolicies();
  const workspace = useWorkspace();
  const [putting, setPutting] = useState(false);
  const today = workspace.data?.businessDate ?? '9999-12-31';
  const sorted = [...(policies.data ?? [])].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const inForce = [...sorted].reverse().find((p) => p.effectiveFrom <= today) ?? sorted[0];
  return (
    <>
      <PageHeader
        title={t('tabs.classification')}
        crumbs={[{ label: t('title') }]}
        actions={<Button onClick={() => setPutting(true)}>{t('classification.put')}</Button>}
      />
      <AdminTabs />
      {policies.isError && <ProblemAlert error={policies.error} onRetry={() => void policies.refetch()} />}
      {policies.isPending && <TableSkeleton />}
      {inForce && (
        <Stack gap="md">
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h4">
                {t('classification.inForce')}: {t(`classification.codes.${inForce.code}`)}
              </Title>
              <Badge variant="filled" color="#1864ab" tt="none">
                {t('classification.from')} {formatDate(inForce.effectiveFrom)}
              </Badge>
            </Group>
            <Text size="sm" mb="md">
              {t('classification.legalBasis')}: {legalBasis(inForce.legalBasis, lang)}
            </Text>
            <PolicyDetail policy={inForce} />
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('classification.history')}
            </Title>
            <Table striped verticalSpacing="xs" aria-label={t('classification.history')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('classification.from')}</Table.Th>
                  <Table.Th>{t('classification.fields.code')}</Table.Th>
                  <Table.Th>{t('classification.legalBasis')}</Table.Th>
                  <Table.Th>{t('classification.collateral')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...sorted].reverse().map((p) => (
                  <Table.Tr key={p.effectiveFrom}>
                    <Table.Td>{formatDate(p.effectiveFrom)}</Table.Td>
                    <Table.Td>{t(`classification.codes.${p.code}`)}</Table.Td>
                    <Table.Td>{legalBasis(p.legalBasis, lang)}</Table.Td>
                    <Table.Td>{(p.definition as unknown as Definition).deductCollateral ? t('yes') : t('no')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        opened={putting}
        onClose={() => setPutting(false)}
        title={t('classification.putTitle')}
      >
        {putting && <PutPolicyForm onDone={() => setPutting(false)} />}
      </Modal>
    </>
  );
}
