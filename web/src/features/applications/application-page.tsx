import { Alert, Anchor, Button, Grid, Group, Modal, Paper, SimpleGrid, Stack, Stepper, Table, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Problem } from '../../shared/api/problem';
import { useHasRole } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { ApplicationStatusBadge } from '../../shared/lending/application-status-badge';
import { LendingChecksPanel } from '../../shared/lending/lending-checks';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { ScheduleTable } from '../../shared/lending/schedule-table';
import { notifySuccess } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { APPLICATIONS_NS } from './applications-i18n';
import {
  useAppraisals,
  useApplication,
  useApplicationChecks,
  useCapitalSources,
  useCreateContract,
  useSchedulePreview,
  useSectors,
  useTransition,
  type Application,
} from './applications-queries';
import { AppraisalSection } from './appraisal-section';
import { ChecklistPanel } from '../loan-file/checklist-panel';
import { DocumentsPanel } from '../loan-file/documents-panel';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Where the application stands: filed, submitted, appraisal, awaiting approval, decision, contract. */
function stageOf(app: Application, appraised: boolean): number {
  if (app.loanId) return 6;
  if (app.status === 'APPROVED') return 5;
  if (app.status === 'REJECTED') return 4;
  if (app.status === 'UNDER_APPRAISAL') return appraised ? 4 : 3;
  if (app.status === 'SUBMITTED') return 2;
  return 1;
}

/** One application: its stage, figures, the lending conditions today, appraisal, documents, history and the next step. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(APPLICATIONS_NS);
  const lang = toLanguage(i18n.language);
  const officer = useHasRole('OFFICER');
  const approver = useHasRole('APPROVER');
  const workspace = useWorkspace();
  const query = useApplication(id);
  const app = query.data;
  const appraisals = useAppraisals(id);
  const live = !!app && ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED'].includes(app.status) && !app.loanId;
  const checks = useApplicationChecks(id, live);
  const sources = useCapitalSources();
  const sectors = useSectors();
  const transition = useTransition(id);
  const contract = useCreateContract(id);
  const onServerError = useServerErrors({ ns: APPLICATIONS_NS });
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [note, setNote] = useState('');
  const [contracting, setContracting] = useState(false);
  const [signingDate, setSigningDate] = useState<string | null>(null);
  const businessDate = workspace.data?.businessDate;
  const amount = app?.approvedAmount ?? app?.requestedAmount;
  const term = app?.approvedTermMonths ?? app?.termMonths;
  const preview = useSchedulePreview(
    app && amount && term && businessDate
      ? {
          productVersionId: app.productVersionId,
          amount,
          termMonths: term,
          principalFrequency: app.repaymentFrequency,
          disbursementDate: businessDate,
          ...(app.approvedRatePercent ? { annualInterestRatePercent: app.approvedRatePercent } : {}),
        }
      : null,
  );

  if (query.isPending) return <TableSkeleton />;
  if (query.isError || !app) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const appraised = (appraisals.data ?? []).length > 0;
  const source = sources.data?.items.find((s) => s.id === app.capitalSourceId);
  const sector = sectors.data?.find((s) => s.version === app.sectorVersion && s.code === app.sectorCode);
  const act = (action: 'submit' | 'start-appraisal' | 'withdraw', done: string) => {
    setRefusal(null);
    transition.mutate(
      { action, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(done);
          setWithdrawing(false);
          void checks.refetch();
        },
        onError: (e) => setRefusal(onServerError(e)),
      },
    );
  };
  const makeContract = () => {
    setRefusal(null);
    contract.mutate(signingDate ?? undefined, {
      onSuccess: (loan) => {
        notifySuccess(t('actions.contracted', { number: loan.contractNumber }));
        setContracting(false);
        void query.refetch();
      },
      onError: (e) => setRefusal(onServerError(e)),
    });
  };

  const actions = (
    <>
      {officer && app.status === 'DRAFT' && (
        <Button onClick={() => act('submit', t('actions.submitted'))} loading={transition.isPending}>
          {t('actions.submit')}
        </Button>
      )}
      {officer && app.status === 'SUBMITTED' && (
        <Button onClick={() => act('start-appraisal', t('actions.appraisalStarted'))} loading={transition.isPending}>
          {t('actions.startAppraisal')}
        </Button>
      )}
      {officer && app.status === 'APPROVED' && !app.loanId && (
        <Button
          onClick={() => {
            setSigningDate(businessDate ?? null);
            setContracting(true);
          }}
        >
          {t('actions.contract')}
        </Button>
      )}
      {officer && ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED'].includes(app.status) && !app.loanId && (
        <Button component={Link} to={`/collateral?borrowerId=${app.borrowerId}`} variant="default">
          {t('actions.collateral')}
        </Button>
      )}
      {app.loanId && (
        <Button component={Link} to={`/loans/${app.loanId}`} variant="light">
          {t('actions.openLoan')}
        </Button>
      )}
      {approver && app.status === 'UNDER_APPRAISAL' && appraised && (
        <Button component={Link} to={`/approvals/applications/${app.id}`} variant="light">
          {t('actions.openCase')}
        </Button>
      )}
      {officer && ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL'].includes(app.status) && (
        <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
          {t('actions.withdraw')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={`${t('one', { id: app.id })} — ${app.borrowerName}`}
        badge={<ApplicationStatusBadge status={app.status} />}
        crumbs={[{ label: t('title'), to: '/applications' }, { label: t('one', { id: app.id }) }]}
        actions={actions}
      />
      <Paper withBorder p="sm" radius="md" mb="md">
        <Stepper active={stageOf(app, appraised)} size="xs" allowNextStepsSelect={false} aria-label={t('detail.stage')}>
          {(['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'AWAITING', 'DECIDED', 'CONTRACT'] as const).map((s) => (
            <Stepper.Step
              key={s}
              label={s === 'DECIDED' && ['APPROVED', 'REJECTED'].includes(app.status) ? t(`${LENDING_NS}:status.${app.status}`) : t(`detail.stages.${s}`)}
              color={s === 'DECIDED' && app.status === 'REJECTED' ? 'red' : undefined}
            />
          ))}
        </Stepper>
      </Paper>
      {refusal && (
        <Alert color="red" role="alert" mb="md" title={t('common:errors.title')} data-testid="application-refusal">
          {refusal.detail}
        </Alert>
      )}
      {app.status === 'APPROVED' && !app.loanId && officer && (
        <Alert color="green" mb="md">
          {t('actions.contractHint')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb="sm">
                {t('detail.summary')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('detail.borrower')}>
                  <Anchor component={Link} to={`/borrowers/${app.borrowerId}`} size="sm">
                    {app.borrowerName}
                  </Anchor>
                </Field>
                <Field label={t('detail.product')}>{t('detail.productVersion', { name: app.productName, version: app.productVersion })}</Field>
                <Field label={t('detail.source')}>{source?.name ?? '—'}</Field>
                <Field label={t('detail.sector')}>{sector ? `${sector.code} — ${lang === 'vi' ? sector.nameVi : sector.nameEn}` : app.sectorCode}</Field>
                <Field label={t('detail.purpose')}>{app.purpose}</Field>
                <Field label={t('detail.totalInvestment')}>
                  <span className="num">{formatMoney(app.totalInvestment, lang)}</span>
                </Field>
                <Field label={t('detail.ownContribution')}>
                  <span className="num">{formatMoney(app.ownContribution, lang)}</span>
                </Field>
                <Field label={t('detail.requested')}>
                  <span className="num">{formatMoney(app.requestedAmount, lang)}</span>
                </Field>
                <Field label={t('detail.term')}>{t('months', { count: app.termMonths })}</Field>
                <Field label={t('detail.frequency')}>{t(`${LENDING_NS}:frequency.${app.repaymentFrequency}`)}</Field>
                <Field label={t('detail.collateral')}>
                  {app.collateralExempt
                    ? t('detail.collateralExempt', { reason: app.collateralExemptionReason ?? '' })
                    : `${app.collateralDescription ?? '—'} · ${formatMoney(app.collateralValue, lang)}`}
                </Field>
                <Field label={t('detail.creditReport')}>
                  {app.creditReportReference ? `${app.creditReportReference}${app.creditReportDate ? ` · ${formatDate(app.creditReportDate)}` : ''}` : '—'}
                </Field>
                {app.status === 'APPROVED' && (
                  <Field label={t('detail.decision')}>
                    {t('detail.approved', {
                      amount: formatMoney(app.approvedAmount, lang),
                      term: app.approvedTermMonths,
                      rate: formatPercent(app.approvedRatePercent, lang, 2),
                      date: formatDate(app.decisionDate),
                    })}
                  </Field>
                )}
                {app.status === 'REJECTED' && <Field label={t('detail.decision')}>{t('detail.rejected', { reason: app.rejectionReason ?? '' })}</Field>}
              </SimpleGrid>
            </Paper>
            <AppraisalSection app={app} canRecord={officer} onRecorded={() => void appraisals.refetch()} />
            <ChecklistPanel appId={app.id} canWaive={(officer || approver) && ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL'].includes(app.status)} />
            <DocumentsPanel owner={{ kind: 'APPLICATION', id: app.id }} canUpload={officer && ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL'].includes(app.status)} />
            <DocumentsPanel owner={{ kind: 'BORROWER', id: app.borrowerId }} canUpload={false} title={t('loanFile:documents.fromBorrower')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {live && <LendingChecksPanel checks={checks.data} pending={checks.isFetching} />}
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb="sm">
                {t('detail.history')}
              </Title>
              <Table verticalSpacing={4} fz="sm" aria-label={t('detail.history')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('detail.historyStep')}</Table.Th>
                    <Table.Th>{t('detail.historyWho')}</Table.Th>
                    <Table.Th>{t('detail.historyWhen')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {app.statusHistory.map((h) => (
                    <Table.Tr key={`${h.toStatus}-${h.occurredAt}`}>
                      <Table.Td>
                        {t(`${LENDING_NS}:status.${h.toStatus}`)}
                        {h.note && (
                          <Text size="xs" c="dimmed">
                            {h.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{h.actorUsername}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(h.occurredAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {preview.data && (
        <Paper withBorder p="md" radius="md" mt="md">
          <Title order={2} size="h4" mb="sm">
            {t('preview.title')}
          </Title>
          <ScheduleTable rows={preview.data.installments} label={t('preview.title')} testId="schedule-preview" />
        </Paper>
      )}

      <Modal
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('actions.withdrawTitle')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack>
          <Textarea label={t('actions.withdrawNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" onClick={() => act('withdraw', t('actions.withdrawn'))} loading={transition.isPending}>
              {t('actions.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={contracting}
        onClose={() => setContracting(false)}
        title={t('actions.contractTitle')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack>
          <Text size="sm">
            {t('detail.approved', {
              amount: formatMoney(app.approvedAmount, lang),
              term: app.approvedTermMonths,
              rate: formatPercent(app.approvedRatePercent, lang, 2),
              date: formatDate(app.decisionDate),
            })}
          </Text>
          <DateInput
            label={t('actions.signingDate')}
            valueFormat="DD/MM/YYYY"
            placeholder="dd/mm/yyyy"
            value={signingDate}
            onChange={(d) => setSigningDate(d)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setContracting(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={makeContract} loading={contract.isPending}>
              {t('actions.contract')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
