import { Grid, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Anchor } from '@mantine/core';
import { useMe } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { ApplicationStatusBadge } from '../../shared/lending/application-status-badge';
import { LendingChecksPanel, LendingRefusals } from '../../shared/lending/lending-checks';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { ScheduleTable } from '../../shared/lending/schedule-table';
import { MoneyInput } from '../../shared/ui/money-input';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { APPROVALS_NS } from './approvals-i18n';
import {
  useApplication,
  useApprovalItem,
  useAppraisals,
  useDecide,
  useDecisionChecks,
  useSchedulePreview,
  type Application,
  type ApprovalItem,
} from './approvals-queries';
import { BorrowerSection, Field, Section } from './case-parts';
import { DecisionPanel } from './decision-panel';

/** An application awaiting approval, whole on one page: borrower, figures, appraisal, the checks and schedule with the decision figures. */
export function ApplicationCasePage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  const appraisals = useAppraisals(id);
  const item = useApprovalItem('APPLICATION', id).data;
  const app = query.data;
  const latest = appraisals.data?.at(-1);

  if (query.isPending || appraisals.isPending) return <TableSkeleton />;
  if (query.isError || !app) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  // Keyed by the appraisal: its recommendation is the decision's starting figures.
  return <CaseBody key={latest?.id ?? 'none'} app={app} item={item} />;
}

function CaseBody({ app, item }: { app: Application; item: ApprovalItem | null | undefined }) {
  const id = app.id;
  const { t, i18n } = useTranslation(APPROVALS_NS);
  const lang = toLanguage(i18n.language);
  const me = useMe().data;
  const workspace = useWorkspace();
  const appraisals = useAppraisals(id);
  const decide = useDecide();
  const latest = appraisals.data?.at(-1);
  const [amount, setAmount] = useState(latest?.recommendedAmount ?? app.requestedAmount);
  const [term, setTerm] = useState<number | string>(latest?.recommendedTermMonths ?? app.termMonths);
  const [rate, setRate] = useState(latest?.recommendedRatePercent ?? '');
  const rateValue = rate.trim().replace(',', '.');
  const figures = amount && typeof term === 'number' && /^\d+(\.\d+)?$/.test(rateValue) ? { amount, termMonths: term, ratePercent: rateValue } : null;
  const [debounced] = useDebouncedValue(figures, 400);
  const checks = useDecisionChecks(id, debounced);
  const businessDate = workspace.data?.businessDate;
  const preview = useSchedulePreview(
    app && debounced && businessDate
      ? {
          productVersionId: app.productVersionId,
          amount: debounced.amount,
          termMonths: debounced.termMonths,
          annualInterestRatePercent: debounced.ratePercent,
          principalFrequency: app.repaymentFrequency,
          disbursementDate: businessDate,
        }
      : null,
  );

  // Four eyes: whoever created, submitted or appraised it may not decide it (the server checks again).
  const preparers = new Set([app.createdBy, app.submittedBy, ...(appraisals.data ?? []).map((a) => a.appraisedBy)]);
  const preparedByMe = (!!me && preparers.has(me.id)) || item?.preparedByMe === true;
  const open = app.status === 'UNDER_APPRAISAL' && (appraisals.data ?? []).length > 0;

  return (
    <>
      <PageHeader
        title={t('caseTitle.APPLICATION', { id: app.id })}
        badge={<ApplicationStatusBadge status={app.status} />}
        crumbs={[{ label: t('title'), to: '/approvals' }, { label: `${t('kinds.APPLICATION')} ${app.id}` }]}
      />
      {!open && (
        <Text mb="md" size="sm">
          {t('decided', { status: t(`${LENDING_NS}:status.${app.status}`) })}
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <BorrowerSection borrowerId={app.borrowerId} item={item} />
            <Section title={t('sections.application')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('sections.application')}>
                  <Anchor component={Link} to={`/applications/${app.id}`} size="sm">
                    {app.productName} · #{app.id}
                  </Anchor>
                </Field>
                <Field label={t('fields.purpose')}>{app.purpose}</Field>
                <Field label={t('fields.requested')}>
                  {t('fields.requestedValue', { amount: formatMoney(app.requestedAmount, lang), term: app.termMonths })}
                </Field>
                <Field label={t('fields.totalInvestment')}>{formatMoney(app.totalInvestment, lang)}</Field>
                <Field label={t('fields.ownContribution')}>{formatMoney(app.ownContribution, lang)}</Field>
              </SimpleGrid>
            </Section>
            <Section title={t('sections.appraisal')}>
              {(appraisals.data ?? []).map((a) => (
                <SimpleGrid key={a.id} cols={{ base: 1, sm: 2 }} spacing="sm" mb="sm">
                  <Field label={t('fields.findings')}>{a.findings}</Field>
                  <Field label={t('fields.recommended')}>
                    {t('fields.recommendedValue', {
                      amount: formatMoney(a.recommendedAmount, lang),
                      term: a.recommendedTermMonths,
                      rate: formatPercent(a.recommendedRatePercent, lang, 2),
                    })}
                  </Field>
                  <Field label={t('fields.risk')}>{t(`${LENDING_NS}:risk.${a.riskRating}`)}</Field>
                </SimpleGrid>
              ))}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <DecisionPanel
              open={open}
              preparedByMe={preparedByMe}
              pending={decide.isPending}
              onDecide={(verdict, note) =>
                verdict === 'approve'
                  ? decide.mutateAsync({
                      kind: 'APPLICATION',
                      verdict,
                      id,
                      body: { approvedAmount: amount, approvedTermMonths: Number(term), approvedRatePercent: rateValue, note },
                    })
                  : decide.mutateAsync({ kind: 'APPLICATION', verdict, id, reason: note })
              }
            >
              <MoneyInput label={t('fields.approvedAmount')} required value={amount} onChange={setAmount} />
              <Group grow align="flex-start">
                <NumberInput label={t('fields.approvedTermMonths')} required min={1} max={600} allowDecimal={false} value={term} onChange={setTerm} />
                <TextInput
                  label={t('fields.approvedRatePercent')}
                  required
                  inputMode="decimal"
                  classNames={{ input: 'num' }}
                  value={rate}
                  onChange={(e) => setRate(e.currentTarget.value)}
                />
              </Group>
              <LendingRefusals checks={checks.data} />
            </DecisionPanel>
            {open && <LendingChecksPanel checks={checks.data} pending={checks.isFetching} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {preview.data && (
        <Stack mt="md">
          <Section title={t('sections.schedule')}>
            <ScheduleTable rows={preview.data.installments} label={t('sections.schedule')} testId="schedule-preview" />
          </Section>
        </Stack>
      )}
    </>
  );
}
