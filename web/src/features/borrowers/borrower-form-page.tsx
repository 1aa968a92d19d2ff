import { Alert, Button, Grid, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Problem } from '../../shared/api/problem';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { toLanguage } from '../../shared/format/language';
import { MoneyInput } from '../../shared/ui/money-input';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { optionalText as opt } from '../../shared/format/optional-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { BORROWERS_NS } from './borrowers-i18n';
import {
  useBorrower,
  useCommunes,
  useCooperativeGroups,
  useCooperatives,
  useCreateBorrower,
  useCreateCooperativeGroup,
  useSectors,
  useUpdateBorrower,
  type Borrower,
  type CreateBorrower,
  type SectorVersion,
} from './borrowers-queries';
import { communeLabel, sectorLabel } from './reference-labels';
import { CODE_FIELDS, EMPTY, KINDS, fromBorrower, type Kind, type Values } from './borrower-form-values';

function BorrowerForm({ initial, editing }: { initial: Values; editing: Borrower | null }) {
  const { t, i18n } = useTranslation(BORROWERS_NS);
  const lang = toLanguage(i18n.language);
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const sectors = useSectors();
  const communes = useCommunes();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      legalName: (v) => (v.trim() ? null : t('required')),
      identityCode: (v, values) => (values.kind === 'COOPERATIVE_GROUP' || v.trim() ? null : t('required')),
      communeCode: (v) => (v ? null : t('required')),
      sectorCode: (v, values) => (values.kind === 'COOPERATIVE_GROUP' || v ? null : t('required')),
      birthDate: (v, values) => (values.kind !== 'MEMBER' || editing || v ? null : t('required')),
    },
  });
  const kind = form.values.kind;
  const member = kind === 'MEMBER';
  const group = kind === 'COOPERATIVE_GROUP';
  const cooperatives = useCooperatives(member && !editing);
  const groups = useCooperativeGroups();
  const create = useCreateBorrower();
  const update = useUpdateBorrower(editing?.id ?? '');
  const createGroup = useCreateCooperativeGroup();
  const onServerError = useServerErrors({
    ns: BORROWERS_NS,
    codeFields: CODE_FIELDS,
    fieldMap: group ? { name: 'legalName', representative: 'representative' } : undefined,
  });
  const pending = create.isPending || update.isPending || createGroup.isPending;

  const fail = (e: unknown) => setRefusal(onServerError(e, form));

  const submit = (v: Values) => {
    setRefusal(null);
    clearServerError();
    const provinceCode = workspace.data?.provinceCode ?? '';
    if (v.kind === 'COOPERATIVE_GROUP') {
      createGroup.mutate(
        { name: v.legalName.trim(), provinceCode, communeCode: v.communeCode ?? '', representative: opt(v.representative) },
        {
          onSuccess: (g) => {
            notifySuccess(t('groupCreated', { name: g.name }));
            void navigate('/borrowers');
          },
          onError: fail,
        },
      );
      return;
    }
    const common = {
      legalName: v.legalName.trim(),
      shortName: opt(v.shortName),
      legalRepresentative: opt(v.legalRepresentative),
      phone: opt(v.phone),
      email: opt(v.email),
      memberCount: v.memberCount === '' ? undefined : Number(v.memberCount),
      charterCapital: v.charterCapital === '' ? undefined : v.charterCapital,
      communeCode: v.communeCode ?? '',
      sectorVersion: v.sectorVersion,
      sectorCode: v.sectorCode ?? '',
    };
    if (editing) {
      update.mutate(common, {
        onSuccess: (b) => {
          notifySuccess(t('saved'));
          void navigate(`/borrowers/${b.id}`);
        },
        onError: fail,
      });
      return;
    }
    const body: CreateBorrower = {
      ...common,
      type: v.kind,
      identityCode: v.identityCode.trim(),
      provinceCode,
      ...(v.kind === 'MEMBER'
        ? {
            birthDate: v.birthDate ?? undefined,
            ...(v.affiliation === 'cooperative' ? { cooperativeId: v.cooperativeId ?? undefined } : { cooperativeGroupId: v.cooperativeGroupId ?? undefined }),
          }
        : {}),
    };
    create.mutate(body, {
      onSuccess: (b) => {
        notifySuccess(t('created', { name: b.legalName }));
        void navigate(`/borrowers/${b.id}`);
      },
      onError: fail,
    });
  };

  const first = communes.data?.[0];
  const province = first ? (lang === 'vi' ? first.provinceNameVi : first.provinceNameEn) : (workspace.data?.provinceCode ?? '');
  const sectorData = (sectors.data ?? []).filter((s) => s.version === form.values.sectorVersion).map((s) => ({ value: s.code, label: sectorLabel(s, lang) }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={editing ? t('editTitle') : t('newTitle')}>
      <Stack gap="md" maw={920}>
        {refusal && (
          <Alert color="red" title={t('refused')} role="alert" data-testid="form-refusal">
            {refusal.detail}
          </Alert>
        )}
        {!editing && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="kind-label">
              {t('fields.type')}
            </Text>
            <SegmentedControl
              aria-labelledby="kind-label"
              data={KINDS.map((k) => ({ value: k, label: t(`types.${k}`) }))}
              {...form.getInputProps('kind')}
              onChange={(v) => {
                form.setFieldValue('kind', v as Kind);
                form.clearErrors();
              }}
              fullWidth
            />
          </Stack>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('detail.identity')}
          </Title>
          <Grid>
            {!group && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={member ? t('fields.identityCodeMember') : t('fields.identityCode')}
                  description={member ? t('fields.identityHintMember') : t('fields.identityHint')}
                  required
                  disabled={!!editing}
                  inputMode="numeric"
                  {...form.getInputProps('identityCode')}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: group ? 12 : 6 }}>
              <TextInput
                label={group ? t('fields.groupName') : member ? t('fields.legalNameMember') : t('fields.legalName')}
                required
                {...form.getInputProps('legalName')}
              />
            </Grid.Col>
            {member && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput
                  label={t('fields.birthDate')}
                  required={!editing}
                  disabled={!!editing}
                  valueFormat="DD/MM/YYYY"
                  placeholder="dd/mm/yyyy"
                  allowDeselect
                  {...form.getInputProps('birthDate')}
                />
              </Grid.Col>
            )}
            {!group && !member && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('fields.shortName')} {...form.getInputProps('shortName')} />
              </Grid.Col>
            )}
            {!group && !member && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('fields.legalRepresentative')} {...form.getInputProps('legalRepresentative')} />
              </Grid.Col>
            )}
            {group && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('fields.representative')} {...form.getInputProps('representative')} />
              </Grid.Col>
            )}
            {!group && !member && (
              <>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <MoneyInput
                    label={t('fields.charterCapital')}
                    value={form.values.charterCapital}
                    onChange={(d) => form.setFieldValue('charterCapital', d)}
                    error={form.errors.charterCapital}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <NumberInput
                    label={t('fields.memberCount')}
                    hideControls
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator={lang === 'vi' ? '.' : ','}
                    decimalSeparator={lang === 'vi' ? ',' : '.'}
                    {...form.getInputProps('memberCount')}
                  />
                </Grid.Col>
              </>
            )}
          </Grid>
        </Paper>

        {member && !editing && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('fields.affiliation')}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <SegmentedControl
                  aria-label={t('fields.affiliation')}
                  data={[
                    { value: 'cooperative', label: t('affiliation.cooperative') },
                    { value: 'group', label: t('affiliation.group') },
                  ]}
                  {...form.getInputProps('affiliation')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                {form.values.affiliation === 'cooperative' ? (
                  <Select
                    label={t('fields.cooperativeId')}
                    searchable
                    data={(cooperatives.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.legalName} (${c.identityCode})` }))}
                    {...form.getInputProps('cooperativeId')}
                  />
                ) : (
                  <Select
                    label={t('fields.cooperativeGroupId')}
                    searchable
                    data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
                    {...form.getInputProps('cooperativeGroupId')}
                  />
                )}
              </Grid.Col>
            </Grid>
          </Paper>
        )}

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('detail.location')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('fields.province')} value={province} readOnly variant="filled" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label={t('fields.communeCode')}
                required
                searchable
                nothingFoundMessage="—"
                data={(communes.data ?? []).map((c) => ({ value: c.code, label: communeLabel(c, lang) }))}
                {...form.getInputProps('communeCode')}
              />
            </Grid.Col>
            {!group && (
              <>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label={t('fields.sectorVersion')}
                    data={[
                      { value: 'VSIC2018', label: 'VSIC 2018' },
                      { value: 'VSIC2025', label: 'VSIC 2025' },
                    ]}
                    allowDeselect={false}
                    {...form.getInputProps('sectorVersion')}
                    onChange={(v) => {
                      form.setFieldValue('sectorVersion', (v ?? 'VSIC2018') as SectorVersion);
                      form.setFieldValue('sectorCode', null);
                    }}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <Select label={t('fields.sectorCode')} required searchable data={sectorData} {...form.getInputProps('sectorCode')} />
                </Grid.Col>
              </>
            )}
          </Grid>
        </Paper>

        {!group && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('detail.contact')}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('fields.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
              </Grid.Col>
            </Grid>
          </Paper>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(-1)} disabled={pending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {editing ? t('common:actions.save') : t('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BorrowerCreatePage() {
  const { t } = useTranslation(BORROWERS_NS);
  return (
    <>
      <PageHeader title={t('newTitle')} crumbs={[{ label: t('title'), to: '/borrowers' }, { label: t('newTitle') }]} />
      <BorrowerForm initial={EMPTY} editing={null} />
    </>
  );
}

export function BorrowerEditPage() {
  const { t } = useTranslation(BORROWERS_NS);
  const { id = '' } = useParams();
  const borrower = useBorrower(id);
  return (
    <>
      <PageHeader
        title={borrower.data ? borrower.data.legalName : t('editTitle')}
        crumbs={[
          { label: t('title'), to: '/borrowers' },
          ...(borrower.data ? [{ label: borrower.data.legalName, to: `/borrowers/${id}` }] : []),
          { label: t('editTitle') },
        ]}
      />
      {borrower.isError && <ProblemAlert error={borrower.error} onRetry={() => void borrower.refetch()} />}
      {borrower.isPending && <TableSkeleton rows={6} />}
      {borrower.data && <BorrowerForm key={borrower.data.updatedAt} initial={fromBorrower(borrower.data)} editing={borrower.data} />}
    </>
  );
}
