import { Badge, Grid, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../shared/auth/use-me';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount, formatMoney } from '../../shared/format/money';
import { ScheduleTable } from '../../shared/lending/schedule-table';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { APPROVALS_NS } from './approvals-i18n';
import { useApprovalItem, useDecide, useLoan, useLoanSchedule, useRestructurings, useWriteOffs, type Loan } from './approvals-queries';
import { BorrowerSection, Field, Section } from './case-parts';
import { DecisionPanel } from './decision-panel';

const DECISION_COLOR: Record<string, string> = { PROPOSED: '#8a4b00', APPROVED: '#1e7b34', REJECTED: '#c92a2a' };

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(APPROVALS_NS);
  const label = status === 'PROPOSED' ? t('sections.proposal') : status === 'APPROVED' ? t('approved') : t('rejected');
  return (
    <Badge color={DECISION_COLOR[status] ?? 'gray.7'} variant="filled">
      {label.replace(/\.$/, '')}
    </Badge>
  );
}

function Balances({ loan }: { loan: Loan }) {
  const { t, i18n } = useTranslation(APPROVALS_NS);
  const lang = toLanguage(i18n.language);
  return (
    <Section title={t('sections.balances')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Field label={t('fields.outstandingPrincipal')}>
          <span className="num">{formatMoney(loan.outstandingPrincipal, lang)}</span>
        </Field>
        <Field label={t('fields.overduePrincipal')}>
          <span className="num">{formatMoney(loan.overduePrincipal, lang)}</span>
        </Field>
        <Field label={t('fields.accruedInterest')}>
          <span className="num">{formatMoney(loan.accruedInterest, lang)}</span>
        </Field>
        <Field label={t('fields.overdueInterest')}>
          <span className="num">{formatMoney(loan.overdueInterest, lang)}</span>
        </Field>
        <Field label={t('fields.lateInterest')}>
          <span className="num">{formatMoney(loan.lateInterest, lang)}</span>
        </Field>
        <Field label={t('fields.daysPastDue')}>
          <span className="num">{formatCount(loan.daysPastDue, lang)}</span>
        </Field>
        <Field label={t('fields.debtGroup')}>
          <DebtGroupBadge group={loan.debtGroup} long />
        </Field>
        <Field label={t('fields.maturity')}>{formatDate(loan.maturityDate)}</Field>
      </SimpleGrid>
    </Section>
  );
}

/** A proposed restructuring, whole: the borrower, the loan's balances, the reason, the current and the proposed schedule. */
export function RestructuringCasePage() {
  const { loanId = '', rid = '' } = useParams();
  const { t } = useTranslation(APPROVALS_NS);
  const me = useMe().data;
  const loan = useLoan(loanId);
  const schedule = useLoanSchedule(loanId);
  const list = useRestructurings(loanId);
  const item = useApprovalItem('RESTRUCTURING', rid).data;
  const decide = useDecide();
  const r = list.data?.find((x) => x.id === rid);
  if (loan.isPending || list.isPending) return <TableSkeleton />;
  if (loan.isError || list.isError || !loan.data || !r) return <ProblemAlert error={loan.error ?? list.error} />;
  const l = loan.data;
  const preparedByMe = (!!me && me.id === r.proposedBy) || item?.preparedByMe === true;
  return (
    <>
      <PageHeader
        title={t('caseTitle.RESTRUCTURING', { contract: l.contractNumber })}
        badge={<StatusBadge status={r.status} />}
        crumbs={[{ label: t('title'), to: '/approvals' }, { label: `${t('kinds.RESTRUCTURING')} ${l.contractNumber}` }]}
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <BorrowerSection borrowerId={l.borrowerId} item={item} />
            <Balances loan={l} />
            <Section title={t('sections.proposal')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('fields.type')}>{t(`restructuringTypes.${r.type}`)}</Field>
                <Field label={t('fields.proposedDate')}>{formatDate(r.proposedDate)}</Field>
                <Field label={t('fields.reason')}>{r.reason}</Field>
                <Field label={t('fields.maturity')}>
                  {t('fields.maturityChange', { from: formatDate(r.previousMaturityDate), to: formatDate(r.newMaturityDate ?? r.previousMaturityDate) })}
                </Field>
              </SimpleGrid>
            </Section>
            <Section title={t('sections.oldSchedule')}>
              {schedule.data && <ScheduleTable rows={schedule.data} label={t('sections.oldSchedule')} testId="old-schedule" />}
            </Section>
            <Section title={t('sections.newSchedule')}>
              <ScheduleTable
                rows={r.installments.map((x, k) => ({ seq: k + 1, dueDate: x.dueDate, principal: x.principal }))}
                label={t('sections.newSchedule')}
                testId="new-schedule"
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DecisionPanel
            open={r.status === 'PROPOSED'}
            preparedByMe={preparedByMe}
            pending={decide.isPending}
            onDecide={(verdict, note) => decide.mutateAsync({ kind: 'RESTRUCTURING', verdict, loanId, id: rid, note })}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** A proposed write-off, whole: the borrower, the loan's balances and debt group, the reason. */
export function WriteOffCasePage() {
  const { loanId = '', wid = '' } = useParams();
  const { t } = useTranslation(APPROVALS_NS);
  const me = useMe().data;
  const loan = useLoan(loanId);
  const list = useWriteOffs(loanId);
  const item = useApprovalItem('WRITE_OFF', wid).data;
  const decide = useDecide();
  const w = list.data?.find((x) => x.id === wid);
  if (loan.isPending || list.isPending) return <TableSkeleton />;
  if (loan.isError || list.isError || !loan.data || !w) return <ProblemAlert error={loan.error ?? list.error} />;
  const l = loan.data;
  const preparedByMe = (!!me && me.id === w.proposedBy) || item?.preparedByMe === true;
  return (
    <>
      <PageHeader
        title={t('caseTitle.WRITE_OFF', { contract: l.contractNumber })}
        badge={<StatusBadge status={w.status} />}
        crumbs={[{ label: t('title'), to: '/approvals' }, { label: `${t('kinds.WRITE_OFF')} ${l.contractNumber}` }]}
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <BorrowerSection borrowerId={l.borrowerId} item={item} />
            <Balances loan={l} />
            <Section title={t('sections.proposal')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('fields.reason')}>{w.reason}</Field>
                <Field label={t('fields.proposedDate')}>{formatDate(w.proposedDate)}</Field>
                <Field label={t('fields.groupAtProposal')}>
                  <DebtGroupBadge group={w.debtGroupAtProposal} long />
                </Field>
              </SimpleGrid>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DecisionPanel
            open={w.status === 'PROPOSED'}
            preparedByMe={preparedByMe}
            pending={decide.isPending}
            onDecide={(verdict, note) => decide.mutateAsync({ kind: 'WRITE_OFF', verdict, loanId, id: wid, note })}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
