import { Anchor, Button, Group, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/problem';
import { useHasRole } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { EmptyState } from '../../shared/ui/empty-state';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { DisburseDialog } from './disburse-dialog';
import { LoanCollateralTab } from './loan-collateral-tab';
import { LoanInspectionsSection } from '../loan-file/loan-inspections-section';
import { LoanDocumentsTab } from './loan-documents-tab';
import { LoanHistoryTab } from './loan-history-tab';
import { LoanOverviewTab } from './loan-overview-tab';
import { LoanPostingsTab } from './loan-postings-tab';
import { LoanScheduleTab } from './loan-schedule-tab';
import { LoanStatusBadge } from './loan-status-badge';
import { LegacyTermsBadge } from '../../shared/ui/legacy-terms-badge';
import { compareMoney } from './loan-sums';
import { LoanTransactionsTab } from './loan-transactions-tab';
import { LOANS_NS } from './loans-i18n';
import { useBorrowerName, useLoan, type Loan } from './loans-queries';
import { RepayDialog } from './repay-dialog';
import { RestructureDialog, WriteOffDialog } from './propose-dialogs';

const TABS = ['overview', 'schedule', 'transactions', 'postings', 'collateral', 'documents', 'inspections', 'history'] as const;
type Tab = (typeof TABS)[number];
type Dialog = 'disburse' | 'repay' | 'restructure' | 'writeOff' | null;

/** What the officer may do on the loan now; the server stays the authority and says why when it refuses. */
function allowedActions(loan: Loan) {
  const active = loan.status === 'ACTIVE';
  const moreTranches = loan.trancheCount < loan.terms.maxTranches && compareMoney(loan.principalDisbursed, loan.approvedAmount) < 0;
  return {
    disburse: (loan.status === 'PENDING_DISBURSEMENT' || active) && moreTranches,
    repay: active,
    restructure: active,
    // domain.md "Restructuring and risk": only a group-5 loan may be written off.
    writeOff: active && loan.debtGroup === 5,
  };
}

/**
 * The loan page (web-design.md "Layout"): contract number, borrower, status and the role's actions
 * in the header; tabs as Mifos X does, the tab in the address (`?tab=schedule`) so it can be shared.
 */
export function LoanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(LOANS_NS);
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const workspace = useWorkspace();
  const loan = useLoan(id);
  const borrower = useBorrowerName(loan.data?.borrowerId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tabParam = params.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'overview';

  if (loan.isPending) return <TableSkeleton />;
  if (loan.isError) {
    if (isApiError(loan.error) && loan.error.problem.status === 404) return <EmptyState title={t('notFound')} />;
    return <ProblemAlert error={loan.error} onRetry={() => void loan.refetch()} />;
  }
  const l = loan.data;
  const can = officer ? allowedActions(l) : { disburse: false, repay: false, restructure: false, writeOff: false };
  const businessDate = workspace.data?.businessDate ?? '';
  return (
    <>
      <PageHeader
        title={l.contractNumber}
        crumbs={[{ label: t('title'), to: '/loans' }, { label: l.contractNumber }]}
        badge={<LoanStatusBadge status={l.status} />}
        actions={
          <>
            {can.repay && (
              <Button onClick={() => setDialog('repay')} disabled={!businessDate}>
                {t('actions.repay')}
              </Button>
            )}
            {can.disburse && (
              <Button variant={can.repay ? 'default' : 'filled'} onClick={() => setDialog('disburse')} disabled={!businessDate}>
                {t('actions.disburse')}
              </Button>
            )}
            {can.restructure && (
              <Button variant="default" onClick={() => setDialog('restructure')}>
                {t('actions.restructure')}
              </Button>
            )}
            {can.writeOff && (
              <Button variant="default" color="red" onClick={() => setDialog('writeOff')}>
                {t('actions.writeOff')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="xs" mt={-8} mb="md">
        <Text size="sm" c="dimmed">
          {t('borrower')}:
        </Text>
        <Anchor component={Link} to={`/borrowers/${l.borrowerId}`} size="sm" fw={600} data-testid="loan-borrower">
          {borrower.data ?? `#${l.borrowerId}`}
        </Anchor>
        {l.origin && (
          <Text size="sm" c="dimmed" data-testid="loan-origin">
            · {tc('origin.label')}: {l.origin}
          </Text>
        )}
        {l.legacyTerms && <LegacyTermsBadge rules={l.legacyRules} />}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (!v || v === 'overview') next.delete('tab');
          else next.set('tab', v);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <LoanOverviewTab loan={l} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule">
          <LoanScheduleTab loanId={l.id} />
        </Tabs.Panel>
        <Tabs.Panel value="transactions">
          <LoanTransactionsTab loanId={l.id} canReverse={officer && l.status !== 'WRITTEN_OFF'} />
        </Tabs.Panel>
        <Tabs.Panel value="postings">
          <LoanPostingsTab loanId={l.id} />
        </Tabs.Panel>
        <Tabs.Panel value="collateral">
          <LoanCollateralTab loanId={l.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <LoanDocumentsTab loanId={l.id} applicationId={l.applicationId} borrowerId={l.borrowerId} canUpload={officer} />
        </Tabs.Panel>
        <Tabs.Panel value="inspections">
          <LoanInspectionsSection loanId={l.id} contractNumber={l.contractNumber} canRecord={officer} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <LoanHistoryTab loanId={l.id} />
        </Tabs.Panel>
      </Tabs>
      {dialog === 'disburse' && <DisburseDialog loan={l} businessDate={businessDate} onClose={() => setDialog(null)} />}
      {dialog === 'repay' && <RepayDialog loan={l} businessDate={businessDate} onClose={() => setDialog(null)} />}
      {dialog === 'restructure' && <RestructureDialog loan={l} onClose={() => setDialog(null)} />}
      {dialog === 'writeOff' && <WriteOffDialog loan={l} onClose={() => setDialog(null)} />}
    </>
  );
}
