import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { MoneyInput } from '../../shared/ui/money-input';
import { notifySuccess } from '../../shared/ui/notify';
import { ValuationFields } from './asset-form-page';
import { COLLATERAL_NS } from './collateral-i18n';
import { useAssetAction, usePledgeTargets, type Asset } from './collateral-queries';

export type AssetDialog = 'valuation' | 'pledge' | 'registration' | 'insurance' | 'release' | null;

/** Domain refusals shown beside the field they concern. */
const CODE_FIELDS = {
  'COLLATERAL.ALLOCATION_ABOVE_VALUE': 'allocatedValue',
  'COLLATERAL.ALREADY_PLEDGED': 'target',
  'COLLATERAL.PLEDGE_TARGET_CLOSED': 'target',
  'COLLATERAL.RELEASE_BLOCKED': 'reason',
  'COLLATERAL.RELEASE_OPEN': 'reason',
};

function Actions({ pending, onClose }: { pending: boolean; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onClose}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {t('actions.save')}
      </Button>
    </Group>
  );
}

/** The asset page's forms, each in a dialog: revalue, pledge, registration, insurance, propose a release. */
export function AssetDialogs({ asset, dialog, onClose }: { asset: Asset; dialog: AssetDialog; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  if (!dialog) return null;
  const titles = {
    valuation: 'actions.addValuation',
    pledge: 'actions.pledge',
    registration: 'actions.register',
    insurance: 'actions.insure',
    release: 'actions.release',
  } as const;
  return (
    <Modal opened onClose={onClose} title={t(titles[dialog])} size="lg" closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      {dialog === 'valuation' && <ValuationForm asset={asset} onClose={onClose} />}
      {dialog === 'pledge' && <PledgeForm asset={asset} onClose={onClose} />}
      {dialog === 'registration' && <RegistrationForm asset={asset} onClose={onClose} />}
      {dialog === 'insurance' && <InsuranceForm asset={asset} onClose={onClose} />}
      {dialog === 'release' && <ReleaseForm asset={asset} onClose={onClose} />}
    </Modal>
  );
}

function useDone(onClose: () => void) {
  const { t } = useTranslation(COLLATERAL_NS);
  return () => {
    notifySuccess(t('saved'));
    onClose();
  };
}

function ValuationForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  const workspace = useWorkspace();
  const action = useAssetAction(asset.id).valuation;
  const serverErrors = useServerErrors({ ns: COLLATERAL_NS });
  const done = useDone(onClose);
  const form = useForm({
    initialValues: { valuationDate: workspace.data?.businessDate ?? null, value: '', method: 'MARKET_COMPARISON', valuerKind: 'FUND', valuerName: '' } as {
      valuationDate: string | null;
      value: string;
      method: 'MARKET_COMPARISON' | 'INCOME' | 'COST' | 'FACE_VALUE' | 'OTHER';
      valuerKind: 'FUND' | 'INDEPENDENT';
      valuerName: string;
    },
    validate: {
      value: (v) => (v ? null : t('required')),
      valuationDate: (v) => (v ? null : t('required')),
      valuerName: (v) => (v.trim() ? null : t('required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        action.mutate(
          { ...v, valuationDate: v.valuationDate ?? '', valuerName: v.valuerName.trim() },
          { onSuccess: done, onError: (e) => serverErrors(e, form) },
        ),
      )}
    >
      <ValuationFields getInputProps={(n) => form.getInputProps(n)} value={form.values.value} onValue={(d) => form.setFieldValue('value', d)} />
      <Actions pending={action.isPending} onClose={onClose} />
    </form>
  );
}

function PledgeForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  const targets = usePledgeTargets(asset.borrowerId);
  const action = useAssetAction(asset.id).pledge;
  const serverErrors = useServerErrors({ ns: COLLATERAL_NS, codeFields: CODE_FIELDS });
  const done = useDone(onClose);
  const form = useForm({
    initialValues: { target: null as string | null, allocatedValue: asset.headroom === '0' ? '' : asset.headroom },
    validate: { target: (v) => (v ? null : t('required')), allocatedValue: (v) => (v ? null : t('required')) },
  });
  const data = [
    ...(targets.data?.applications ?? []).map((a) => ({ value: `application:${a.id}`, label: t('application', { id: a.id }) })),
    ...(targets.data?.loans ?? []).map((l) => ({ value: `loan:${l.id}`, label: l.contractNumber })),
  ];
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        const [kind, id] = (v.target ?? '').split(':');
        action.mutate(
          { ...(kind === 'loan' ? { loanId: id } : { applicationId: id }), allocatedValue: v.allocatedValue },
          { onSuccess: done, onError: (e) => serverErrors(e, form) },
        );
      })}
    >
      <Stack>
        <Select label={t('fields.target')} required data={data} nothingFoundMessage={t('noTargets')} {...form.getInputProps('target')} />
        <MoneyInput
          label={t('fields.allocatedValue')}
          required
          {...form.getInputProps('allocatedValue')}
          value={form.values.allocatedValue}
          onChange={(d) => form.setFieldValue('allocatedValue', d)}
        />
      </Stack>
      <Actions pending={action.isPending} onClose={onClose} />
    </form>
  );
}

function RegistrationForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  const action = useAssetAction(asset.id).registration;
  const serverErrors = useServerErrors({ ns: COLLATERAL_NS });
  const done = useDone(onClose);
  const form = useForm({
    initialValues: { office: '', registrationNumber: '', registrationDate: null as string | null, expiryDate: null as string | null },
    validate: {
      office: (v) => (v.trim() ? null : t('required')),
      registrationNumber: (v) => (v.trim() ? null : t('required')),
      registrationDate: (v) => (v ? null : t('required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        action.mutate(
          {
            office: v.office.trim(),
            registrationNumber: v.registrationNumber.trim(),
            registrationDate: v.registrationDate ?? '',
            ...(v.expiryDate ? { expiryDate: v.expiryDate } : {}),
          },
          { onSuccess: done, onError: (e) => serverErrors(e, form) },
        ),
      )}
    >
      <Stack>
        <TextInput label={t('fields.office')} required maxLength={300} {...form.getInputProps('office')} />
        <TextInput label={t('fields.registrationNumber')} required maxLength={100} {...form.getInputProps('registrationNumber')} />
        <Group grow>
          <DateInput
            label={t('fields.registrationDate')}
            required
            valueFormat="DD/MM/YYYY"
            placeholder="dd/mm/yyyy"
            {...form.getInputProps('registrationDate')}
          />
          <DateInput label={t('fields.expiryDate')} clearable valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('expiryDate')} />
        </Group>
      </Stack>
      <Actions pending={action.isPending} onClose={onClose} />
    </form>
  );
}

function InsuranceForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  const action = useAssetAction(asset.id).insurance;
  const serverErrors = useServerErrors({ ns: COLLATERAL_NS });
  const done = useDone(onClose);
  const form = useForm({
    initialValues: { insurer: '', policyNumber: '', insuredValue: '', startDate: null as string | null, expiryDate: null as string | null },
    validate: {
      insurer: (v) => (v.trim() ? null : t('required')),
      policyNumber: (v) => (v.trim() ? null : t('required')),
      startDate: (v) => (v ? null : t('required')),
      expiryDate: (v) => (v ? null : t('required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        action.mutate(
          {
            insurer: v.insurer.trim(),
            policyNumber: v.policyNumber.trim(),
            startDate: v.startDate ?? '',
            expiryDate: v.expiryDate ?? '',
            ...(v.insuredValue ? { insuredValue: v.insuredValue } : {}),
          },
          { onSuccess: done, onError: (e) => serverErrors(e, form) },
        ),
      )}
    >
      <Stack>
        <TextInput label={t('fields.insurer')} required maxLength={200} {...form.getInputProps('insurer')} />
        <TextInput label={t('fields.policyNumber')} required maxLength={100} {...form.getInputProps('policyNumber')} />
        <MoneyInput
          label={t('fields.insuredValue')}
          {...form.getInputProps('insuredValue')}
          value={form.values.insuredValue}
          onChange={(d) => form.setFieldValue('insuredValue', d)}
        />
        <Group grow>
          <DateInput label={t('fields.startDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('startDate')} />
          <DateInput label={t('fields.expiryDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('expiryDate')} />
        </Group>
      </Stack>
      <Actions pending={action.isPending} onClose={onClose} />
    </form>
  );
}

function ReleaseForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation(COLLATERAL_NS);
  const action = useAssetAction(asset.id).release;
  const serverErrors = useServerErrors({ ns: COLLATERAL_NS, codeFields: CODE_FIELDS });
  const done = useDone(onClose);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim().length >= 5 ? null : t('required')) } });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => action.mutate({ reason: v.reason.trim() }, { onSuccess: done, onError: (e) => serverErrors(e, form) }))}>
      <Textarea label={t('fields.reason')} required maxLength={1000} autosize minRows={3} {...form.getInputProps('reason')} />
      <Actions pending={action.isPending} onClose={onClose} />
    </form>
  );
}
