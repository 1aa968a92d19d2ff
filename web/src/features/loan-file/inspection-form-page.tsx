import { Alert, Button, Checkbox, Container, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Problem } from '../../shared/api/problem';
import { useMe } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate } from '../../shared/format/date';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { MoneyInput } from '../../shared/ui/money-input';
import { MoneyText } from '../../shared/ui/money-text';
import { clearServerError, notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { useLoan } from '../loans/loans-queries';
import { DocumentsTable, UploadZone } from './documents-panel';
import { LOAN_FILE_NS } from './loan-file-i18n';
import { useLoanInspections, useOwnerDocuments, useRecordInspection, type Inspection } from './loan-file-queries';

const FINDINGS = ['USED_AS_PLANNED', 'PARTLY', 'NOT_AS_PLANNED'] as const;
type Finding = (typeof FINDINGS)[number];

interface Values {
  visitDate: string | null;
  inspectors: string;
  finding: Finding;
  amountVerified: string;
  notes: string;
  openRecall: boolean;
  recallDate: string | null;
}

/** Photos and receipts of a recorded inspection, taken with the phone's camera. */
function Photos({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const owner = { kind: 'INSPECTION' as const, id: inspectionId };
  const docs = useOwnerDocuments(owner);
  return (
    <Paper withBorder p="md" radius="md" data-testid="inspection-photos">
      <Title order={2} size="h4" mb="sm">
        {t('inspection.photos')}
      </Title>
      {(docs.data ?? []).length > 0 && <DocumentsTable docs={docs.data ?? []} canUpload={false} label={t('inspection.photos')} />}
      <UploadZone owner={owner} types={['PHOTO', 'RECEIPT', 'INSPECTION_REPORT', 'OTHER']} defaultType="PHOTO" capture />
    </Paper>
  );
}

function RecordForm({ loanId, inspection }: { loanId: string; inspection: Inspection }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const me = useMe();
  const workspace = useWorkspace();
  const record = useRecordInspection(loanId);
  const onServerError = useServerErrors({ ns: LOAN_FILE_NS });
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const form = useForm<Values>({
    initialValues: {
      visitDate: workspace.data?.businessDate ?? null,
      inspectors: me.data?.displayName ?? '',
      finding: 'USED_AS_PLANNED',
      amountVerified: inspection.disbursedAmount,
      notes: '',
      openRecall: false,
      recallDate: null,
    },
    validate: {
      visitDate: (v) => (v ? null : t('common:rules.isNotEmpty', { defaultValue: '—' })),
      inspectors: (v) => (v.trim().length >= 2 ? null : t('common:rules.isNotEmpty', { defaultValue: '—' })),
    },
  });
  const recall = form.values.finding === 'NOT_AS_PLANNED' || (form.values.finding === 'PARTLY' && form.values.openRecall);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setRefusal(null);
        clearServerError();
        record.mutate(
          {
            disbursementEventId: inspection.disbursementEventId,
            visitDate: v.visitDate ?? '',
            inspectors: v.inspectors.trim(),
            finding: v.finding,
            amountVerified: v.amountVerified || '0',
            notes: v.notes.trim() || undefined,
            openRecall: v.finding === 'PARTLY' ? v.openRecall : undefined,
            recallDate: recall ? (v.recallDate ?? undefined) : undefined,
          },
          { onSuccess: () => notifySuccess(t('inspection.saved')), onError: (e) => setRefusal(onServerError(e, form)) },
        );
      })}
    >
      <Stack gap="sm">
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.detail}
          </Alert>
        )}
        <DateInput label={t('inspection.visitDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('visitDate')} />
        <TextInput label={t('inspection.inspectors')} required maxLength={300} {...form.getInputProps('inspectors')} />
        <Radio.Group label={t('inspection.findingLabel')} required {...form.getInputProps('finding')}>
          <Stack gap={10} mt={6}>
            {FINDINGS.map((f) => (
              <Radio key={f} value={f} label={t(`inspection.finding.${f}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <MoneyInput
          label={t('inspection.amountVerified')}
          required
          value={form.values.amountVerified}
          onChange={(d) => form.setFieldValue('amountVerified', d)}
          error={form.errors.amountVerified}
        />
        <Textarea label={t('inspection.notes')} autosize minRows={3} maxLength={2000} {...form.getInputProps('notes')} />
        {form.values.finding === 'PARTLY' && <Checkbox label={t('inspection.openRecall')} {...form.getInputProps('openRecall', { type: 'checkbox' })} />}
        {recall && (
          <>
            <Text size="sm" c="dimmed">
              {t('inspection.recallHint')}
            </Text>
            <DateInput label={t('inspection.recallDate')} required valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" {...form.getInputProps('recallDate')} />
          </>
        )}
        <Button type="submit" loading={record.isPending} size="md" fullWidth>
          {t('inspection.save')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Recording a check on the use of the money from the field (a phone at a cooperative): one
 * column, large targets, the camera for photos once the visit is saved.
 */
export function InspectionFormPage() {
  const { id = '', eventId = '' } = useParams();
  const { t } = useTranslation(LOAN_FILE_NS);
  const loan = useLoan(id);
  const list = useLoanInspections(id);
  if (loan.isPending || list.isPending) return <TableSkeleton rows={4} />;
  if (loan.isError) return <ProblemAlert error={loan.error} onRetry={() => void loan.refetch()} />;
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  const inspection = list.data.find((i) => i.disbursementEventId === eventId);
  const contract = loan.data.contractNumber;
  return (
    <Container size="xs" px={0}>
      <PageHeader title={t('inspection.title')} crumbs={[{ label: contract, to: `/loans/${id}?tab=inspections` }, { label: t('inspection.record') }]} />
      {!inspection ? (
        <Alert color="yellow">{t('inspection.none')}</Alert>
      ) : (
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <Text fw={600}>{t('inspection.trancheNo', { n: inspection.trancheNo })}</Text>
            <Text size="sm">
              {t('inspection.disbursed')}: {formatDate(inspection.disbursementDate)} · <MoneyText value={inspection.disbursedAmount} />
            </Text>
            <Text size="sm">
              {t('inspection.dueDate')}: {formatDate(inspection.dueDate)}
            </Text>
          </Paper>
          {inspection.inspectionId ? (
            <>
              <Alert color="green" data-testid="inspection-recorded">
                {t('inspection.recorded', { date: formatDate(inspection.visitDate), who: inspection.inspectors ?? '' })} ·{' '}
                {inspection.finding ? t(`inspection.finding.${inspection.finding}`) : ''}
              </Alert>
              <Photos inspectionId={inspection.inspectionId} />
            </>
          ) : (
            <Paper withBorder p="md" radius="md">
              <RecordForm loanId={id} inspection={inspection} />
            </Paper>
          )}
          <Button component={Link} to={`/loans/${id}?tab=inspections`} variant="default" fullWidth>
            {t('inspection.back')}
          </Button>
        </Stack>
      )}
    </Container>
  );
}
