import { Anchor, Badge, Button, Group, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatCount, formatMoney } from '../../shared/format/money';
import { toLanguage } from '../../shared/format/language';
import { formatPercent } from '../../shared/format/percent';
import { EmptyState } from '../../shared/ui/empty-state';
import { notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { ADMIN_NS } from './admin-i18n';
import { PAGE_SIZE, useCreateProduct, useProducts } from './admin-queries';
import { AdminTabs } from './admin-tabs';
import { ProductForm } from './product-form';
import { productValues, toParameters } from './product-values';

/** Loan products with their current version (domain.md "Loan products"). */
export function ProductsPage() {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useProducts(page);
  const data = list.data;
  return (
    <>
      <PageHeader
        title={t('tabs.products')}
        crumbs={[{ label: t('title') }]}
        actions={
          <Button component={Link} to="/admin/products/new">
            {t('products.create')}
          </Button>
        }
      />
      <AdminTabs />
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('products.empty')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('tabs.products')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('products.columns.code')}</Table.Th>
                  <Table.Th>{t('products.columns.name')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('products.columns.version')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('products.columns.amount')}</Table.Th>
                  <Table.Th>{t('products.columns.term')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('products.columns.rate')}</Table.Th>
                  <Table.Th>{t('products.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/products/${p.id}`} fw={600} size="sm">
                        {p.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.current.name}</Table.Td>
                    <Table.Td className="num">{p.current.version}</Table.Td>
                    <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                      {t('products.amountRange', { from: formatMoney(p.current.minAmount, lang), to: formatMoney(p.current.maxAmount, lang) })}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('products.months', { from: p.current.minTermMonths, to: p.current.maxTermMonths })}</Table.Td>
                    <Table.Td className="num">{formatPercent(p.current.annualInterestRatePercent, lang, 2)}</Table.Td>
                    <Table.Td>
                      <Badge variant="filled" color={p.retired ? 'gray.7' : '#1f6f33'} tt="none">
                        {p.retired ? t('products.retired') : t('products.active')}
                      </Badge>
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
    </>
  );
}

export function ProductCreatePage() {
  const { t } = useTranslation(ADMIN_NS);
  const navigate = useNavigate();
  const create = useCreateProduct();
  return (
    <>
      <PageHeader title={t('products.newTitle')} crumbs={[{ label: t('title') }, { label: t('tabs.products'), to: '/admin/products' }]} />
      <ProductForm
        initial={productValues()}
        withCode
        pending={create.isPending}
        onCancel={() => void navigate('/admin/products')}
        onSubmit={(v, fail) =>
          create.mutate(
            { code: v.code.trim(), ...toParameters(v) },
            {
              onSuccess: (p) => {
                notifySuccess(t('products.created', { code: p.code }));
                void navigate(`/admin/products/${p.id}`);
              },
              onError: fail,
            },
          )
        }
      />
    </>
  );
}
