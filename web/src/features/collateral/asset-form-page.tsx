import { Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { MoneyInput } from '../../shared/ui/money-input';
import { notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { COLLATERAL_NS } from './collateral-i18n';
import { IDENTIFIERS, KINDS_BY_TYPE, useBorrowerOptions, useCreateAsset, type CreateAsset } from './collateral-queries';

const TYPES = Object.keys(KINDS_BY_TYPE) as Array<CreateAsset['type']>;
const METHODS = ['MARKET_COMPARISON', 'INCOME', 'COST', 'FACE_VALUE', 'OTHER'] as const;

interface Values {
  borrowerId: string | null;
  type: CreateAsset['type'];
  kind: CreateAsset['kind'];
  description: string;
  identifiers: Record<string, string>;
  ownerKind: 'BORROWER' | 'THIRD_PARTY';
  ownerName: string;
  ownerIdNumber: string;
  ownerRelationship: string;
  valuationDate: string | null;
  value: string;
  method: (typeof METHODS)[number];
  valuerKind: 'FUND' | 'INDEPENDENT';
  valuerName: string;
}

/** Register an asset with its identifiers (per kind), its owner and its first valuation. */
export function AssetCreatePage() {
  const { t } = useTranslation(COLLATERAL_NS);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const borrowers = useBorrowerOptions();
  const create = useCreateAsset();
  const serverErrors = useServerErrors({ ns: COLLATERAL_NS });
  const form = useForm<Values>({
    initialValues: {
      borrowerId: params.get('borrowerId'),
      type: 'REAL_ESTATE',
      kind: 'LAND_USE_RIGHT',
      description: '',
      identifiers: {},
      ownerKind: 'BORROWER',
      ownerName: '',
      ownerIdNumber: '',
      ownerRelationship: '',
      valuationDate: workspace.data?.businessDate ?? null,
      value: '',
      method: 'MARKET_COMPARISON',
      valuerKind: 'FUND',
      valuerName: '',
    },
    validate: {
      borrowerId: (v) => (v ? null : t('required')),
      description: (v) => (v.trim() ? null : t('required')),
      value: (v) => (v ? null : t('required')),
      valuationDate: (v) => (v ? null : t('required')),
      valuerName: (v) => (v.trim() ? null : t('required')),
    },
  });
  const v = form.values;
  const submit = form.onSubmit((values) => {
    const identifiers: Record<string, string> = {};
    for (const f of IDENTIFIERS[values.kind]) {
      const x = (values.identifiers[f.name] ?? '').trim();
      if (x) identifiers[f.name] = x;
    }
    const third = values.ownerKind === 'THIRD_PARTY';
    create.mutate(
      {
        borrowerId: values.borrowerId ?? '',
        type: values.type,
        kind: values.kind,
        description: values.description.trim(),
        identifiers,
        ownerKind: values.ownerKind,
        ...(third
          ? { ownerName: values.ownerName.trim(), ownerIdNumber: values.ownerIdNumber.trim(), ownerRelationship: values.ownerRelationship.trim() }
          : {}),
        valuation: {
          valuationDate: values.valuationDate ?? '',
          value: values.value,
          method: values.method,
          valuerKind: values.valuerKind,
          valuerName: values.valuerName.trim(),
        },
      },
      {
        onSuccess: (asset) => {
          notifySuccess(t('saved'));
          void navigate(`/collateral/${asset.id}`);
        },
        onError: (e) => serverErrors(e, form),
      },
    );
  });
  return (
    <>
      <PageHeader title={t('registerTitle')} crumbs={[{ label: t('title'), to: '/collateral' }, { label: t('register') }]} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('sections.identity')}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('borrower')}
                  required
                  searchable
                  data={(borrowers.data?.items ?? []).map((b) => ({ value: b.id, label: b.legalName }))}
                  {...form.getInputProps('borrowerId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('fields.type')}
                  required
                  allowDeselect={false}
                  data={TYPES.map((x) => ({ value: x, label: t(`types.${x}`) }))}
                  value={v.type}
                  onChange={(x) => {
                    const type = (x ?? 'REAL_ESTATE') as CreateAsset['type'];
                    form.setFieldValue('type', type);
                    form.setFieldValue('kind', KINDS_BY_TYPE[type][0] ?? 'OTHER_ASSET');
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('fields.kind')}
                  required
                  allowDeselect={false}
                  data={KINDS_BY_TYPE[v.type].map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                  {...form.getInputProps('kind')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label={t('fields.description')} required maxLength={500} {...form.getInputProps('description')} />
              </Grid.Col>
              {IDENTIFIERS[v.kind].map((f) => (
                <Grid.Col key={`${v.kind}-${f.name}`} span={{ base: 12, sm: 6, md: 4 }}>
                  <TextInput
                    label={t(`identifiers.${f.name}`)}
                    required={f.required}
                    maxLength={200}
                    value={v.identifiers[f.name] ?? ''}
                    error={form.errors[`identifiers.${f.name}`]}
                    onChange={(e) => form.setFieldValue('identifiers', { ...v.identifiers, [f.name]: e.currentTarget.value })}
                  />
                </Grid.Col>
              ))}
              <Grid.Col span={12}>
                <Text size="sm" fw={500} mb={4} id="owner-kind-label">
                  {t('fields.ownerKind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="owner-kind-label"
                  data={(['BORROWER', 'THIRD_PARTY'] as const).map((o) => ({ value: o, label: t(`fields.owners.${o}`) }))}
                  {...form.getInputProps('ownerKind')}
                />
              </Grid.Col>
              {v.ownerKind === 'THIRD_PARTY' && (
                <>
                  <Grid.Col span={{ base: 12, md: 4 }}>
                    <TextInput label={t('fields.ownerName')} required maxLength={200} {...form.getInputProps('ownerName')} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 4 }}>
                    <TextInput label={t('fields.ownerIdNumber')} required maxLength={20} {...form.getInputProps('ownerIdNumber')} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 4 }}>
                    <TextInput label={t('fields.ownerRelationship')} required maxLength={200} {...form.getInputProps('ownerRelationship')} />
                  </Grid.Col>
                </>
              )}
            </Grid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('sections.valuation')}
            </Title>
            <ValuationFields getInputProps={(n) => form.getInputProps(n)} value={v.value} onValue={(d) => form.setFieldValue('value', d)} />
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(-1)}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

type ValuationField = 'valuationDate' | 'value' | 'method' | 'valuerKind' | 'valuerName';
type InputProps = ReturnType<UseFormReturnType<Values>['getInputProps']>;

/** Date, value, method and valuer: the first valuation on the register form, a revaluation on the asset page. */
export function ValuationFields({
  getInputProps,
  value,
  onValue,
}: {
  getInputProps: (name: ValuationField) => InputProps;
  value: string;
  onValue: (digits: string) => void;
}) {
  const { t } = useTranslation(COLLATERAL_NS);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <DateInput label={t('fields.valuationDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...getInputProps('valuationDate')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <MoneyInput label={t('fields.value')} required {...getInputProps('value')} value={value} onChange={onValue} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <Select
          label={t('fields.method')}
          allowDeselect={false}
          data={METHODS.map((m) => ({ value: m, label: t(`fields.methods.${m}`) }))}
          {...getInputProps('method')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <Select
          label={t('fields.valuerKind')}
          allowDeselect={false}
          data={(['FUND', 'INDEPENDENT'] as const).map((m) => ({ value: m, label: t(`fields.valuers.${m}`) }))}
          {...getInputProps('valuerKind')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label={t('fields.valuerName')} required maxLength={200} {...getInputProps('valuerName')} />
      </Grid.Col>
    </Grid>
  );
}
