import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatInstant } from '../../shared/format/date';
import { formatMoney } from '../../shared/format/money';
import { toLanguage } from '../../shared/format/language';
import { formatPercent } from '../../shared/format/percent';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { useNewProductVersion, useProduct, useProductVersions, useRetireProduct, type ProductVersion } from './admin-queries';
import { ProductForm } from './product-form';
import { productValues, toParameters } from './product-values';

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** The current version's parameters, every one of them, in words (no raw codes). */
function VersionTerms({ v }: { v: ProductVersion }) {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const f = (k: string) => t(`products.fields.${k}`);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      <Term label={f('minAmount')}>{formatMoney(v.minAmount, lang)}</Term>
      <Term label={f('maxAmount')}>{formatMoney(v.maxAmount, lang)}</Term>
      <Term label={t('products.columns.term')}>{t('products.months', { from: v.minTermMonths, to: v.maxTermMonths })}</Term>
      <Term label={f('annualInterestRatePercent')}>{formatPercent(v.annualInterestRatePercent, lang, 2)}</Term>
      <Term label={f('overdueMultiplier')}>{v.overdueMultiplier.replace('.', lang === 'vi' ? ',' : '.')}</Term>
      <Term label={f('lateInterestRatePercent')}>{formatPercent(v.lateInterestRatePercent, lang, 2)}</Term>
      <Term label={f('amortizationMethod')}>{t(`method.${v.amortizationMethod}`)}</Term>
      <Term label={f('principalFrequency')}>{t(`frequency.${v.principalFrequency}`)}</Term>
      <Term label={f('interestFrequency')}>{t(`frequency.${v.interestFrequency}`)}</Term>
      <Term label={f('principalGracePeriods')}>{v.principalGracePeriods}</Term>
      <Term label={f('maxTranches')}>{v.maxTranches}</Term>
      <Term label={f('roundingUnit')}>{formatMoney(v.roundingUnit, lang)}</Term>
      <Term label={f('prepaymentMode')}>{t(`prepayment.${v.prepaymentMode}`)}</Term>
      <Term label={f('businessDayRule')}>{v.businessDayRule ? t(`businessDayRule.${v.businessDayRule}`) : '—'}</Term>
      <Term label={f('collateralRequired')}>{v.collateralRequired ? t('yes') : t('no')}</Term>
      <Term label={f('allowedBorrowerTypes')}>{v.allowedBorrowerTypes.map((b) => t(`borrowerType.${b}`)).join(', ')}</Term>
      <Term label={f('allowedSectors')}>{v.allowedSectors?.length ? v.allowedSectors.join(', ') : '—'}</Term>
      <Term label={f('allocationOrder')}>{(v.allocationOrder ?? []).map((s) => t(`allocation.${s}`)).join(' → ')}</Term>
    </SimpleGrid>
  );
}

/** One product: its current version, its history, edit (= a new version) and retire. */
export function ProductPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const product = useProduct(id);
  const versions = useProductVersions(id);
  const newVersion = useNewProductVersion(id);
  const retire = useRetireProduct(id);
  const onServerError = useServerErrors({ ns: ADMIN_NS });
  const [editing, setEditing] = useState(false);
  const p = product.data;
  const crumbs = [{ label: t('title') }, { label: t('tabs.products'), to: '/admin/products' }];
  if (product.isError) return <ProblemAlert error={product.error} onRetry={() => void product.refetch()} />;
  if (!p) return <TableSkeleton />;
  if (editing)
    return (
      <>
        <PageHeader title={t('products.editTitle', { code: p.code })} crumbs={[...crumbs, { label: p.code }]} />
        <Alert color="blue" mb="md">
          {t('products.editHint')}
        </Alert>
        <ProductForm
          initial={productValues(p.current, p.code)}
          withCode={false}
          pending={newVersion.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(v, fail) =>
            newVersion.mutate(toParameters(v), {
              onSuccess: (r) => {
                notifySuccess(t('products.versionSaved', { version: r.current.version, code: r.code }));
                setEditing(false);
              },
              onError: fail,
            })
          }
        />
      </>
    );
  const doRetire = () => {
    if (!window.confirm(t('products.retireConfirm', { code: p.code }))) return;
    retire.mutate(undefined, { onSuccess: () => notifySuccess(t('products.retiredDone', { code: p.code })), onError: (e) => onServerError(e) });
  };
  return (
    <>
      <PageHeader
        title={`${p.code} — ${p.current.name}`}
        crumbs={[...crumbs, { label: p.code }]}
        badge={
          <Badge variant="filled" color={p.retired ? 'gray.7' : '#1f6f33'} tt="none">
            {p.retired ? t('products.retired') : t('products.active')}
          </Badge>
        }
        actions={
          !p.retired && (
            <>
              <Button onClick={() => setEditing(true)}>{t('products.edit')}</Button>
              <Button variant="default" color="red" onClick={doRetire} loading={retire.isPending}>
                {t('products.retire')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.current')} ({t('products.columns.version').toLowerCase()} {p.current.version})
          </Title>
          <VersionTerms v={p.current} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('products.versions')}
          </Title>
          {versions.isPending && <TableSkeleton rows={3} />}
          {versions.data && (
            <Table.ScrollContainer minWidth={700}>
              <Table striped verticalSpacing="xs" aria-label={t('products.versions')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ textAlign: 'right' }}>{t('products.columns.version')}</Table.Th>
                    <Table.Th>{t('products.columns.name')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('products.columns.amount')}</Table.Th>
                    <Table.Th>{t('products.columns.term')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('products.columns.rate')}</Table.Th>
                    <Table.Th>{t('users.columns.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...versions.data].reverse().map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td className="num">{v.version}</Table.Td>
                      <Table.Td>{v.name}</Table.Td>
                      <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                        {t('products.amountRange', { from: formatMoney(v.minAmount, lang), to: formatMoney(v.maxAmount, lang) })}
                      </Table.Td>
                      <Table.Td>{t('products.months', { from: v.minTermMonths, to: v.maxTermMonths })}</Table.Td>
                      <Table.Td className="num">{formatPercent(v.annualInterestRatePercent, lang, 2)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(v.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <Group />
      </Stack>
    </>
  );
}
