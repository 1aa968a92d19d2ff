import { Anchor, Badge, Button, Collapse, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { MoneyText } from '../../shared/ui/money-text';
import { notifySuccess } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { DemoAccountNote, PaymentCard } from './payment-card';
import { LoanStatusBadge, Quiet, Section } from './portal-home-page';
import { PortalDocuments } from './portal-documents';
import { PORTAL_NS } from './portal-i18n';
import { downloadStatement, type Installment, type LoanEvent, useLoan, usePaymentQr, useSchedule, useTransactions } from './portal-queries';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={600} component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function InstallmentRow({ i }: { i: Installment }) {
  const { t, i18n } = useTranslation(PORTAL_NS);
  const lang = toLanguage(i18n.language);
  const color = i.status === 'PAID' ? 'green.8' : i.status === 'OVERDUE' ? 'red.8' : i.status === 'DUE' ? 'orange.9' : 'gray.7';
  return (
    <Paper withBorder radius="sm" p="xs" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t('pay.installment', { seq: i.seq })} · {formatDate(i.dueDate)}
        </Text>
        <Badge color={color} variant="dot" c="dark.7" style={{ textTransform: 'none', flexShrink: 0 }}>
          {t(`installmentStatus.${i.status}`)}
        </Badge>
      </Group>
      {i.moved && (
        <Text size="xs" c="dimmed">
          {t('loan.movedFrom', { date: formatDate(i.contractualDate) })}
          {i.moveReason ? ` (${lang === 'en' ? i.moveReason.en : i.moveReason.vi})` : ''}
        </Text>
      )}
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('loan.principal')} {formatMoney(i.principal, lang)} · {t('loan.interest')} {formatMoney(i.interest, lang)}
        </Text>
      </Group>
      {i.status !== 'PAID' && (i.principalPaid !== '0' || i.interestPaid !== '0') && (
        <Text size="xs" c="dimmed">
          {t('loan.paid')}: {t('loan.principal')} {formatMoney(i.principalPaid, lang)} · {t('loan.interest')} {formatMoney(i.interestPaid, lang)}
        </Text>
      )}
    </Paper>
  );
}

function EventRow({ e }: { e: LoanEvent }) {
  const { t } = useTranslation(PORTAL_NS);
  return (
    <Paper withBorder radius="sm" p="xs" component="li" style={{ listStyle: 'none', opacity: e.reversed ? 0.7 : 1 }}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {t(`eventKind.${e.kind}`)}
            {e.reversed ? ` (${t('eventKind.reversed')})` : ''}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {formatDate(e.valueDate)}
            {e.reference ? ` · ${e.reference}` : ''}
          </Text>
        </div>
        <MoneyText value={e.amount} bold />
      </Group>
    </Paper>
  );
}

function StatementDownload({ loanId, start, end }: { loanId: string; start: string; end: string }) {
  const { t } = useTranslation(PORTAL_NS);
  const [from, setFrom] = useState<string | null>(start);
  const [to, setTo] = useState<string | null>(end);
  const download = useMutation({
    mutationFn: () => downloadStatement(loanId, from ?? start, to ?? end),
    onSuccess: ({ blob, fileName }) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notifySuccess(t('statement.done'));
    },
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text size="sm">{t('statement.hint')}</Text>
        <SimpleGrid cols={2} spacing="sm">
          <DateInput label={t('statement.from')} valueFormat="DD/MM/YYYY" placeholder="dd/mm/yyyy" value={from} onChange={setFrom} maxDate={to ?? end} />
          <DateInput
            label={t('statement.to')}
            valueFormat="DD/MM/YYYY"
            placeholder="dd/mm/yyyy"
            value={to}
            onChange={setTo}
            minDate={from ?? undefined}
            maxDate={end}
          />
        </SimpleGrid>
        {download.isError && <ProblemAlert error={download.error} />}
        <Button onClick={() => download.mutate()} loading={download.isPending} disabled={!from || !to} fullWidth>
          {t('statement.download')}
        </Button>
      </Stack>
    </Paper>
  );
}

/**
 * `/loans/:id` for a cooperative user: the same address as the officers' loan page, read-only and
 * phone first — what to pay (with its VietQR), the figures, the schedule and the transactions as
 * cards, and the statement PDF for a chosen period. Another cooperative's loan is "not found", as
 * the API answers (404).
 */
export function PortalLoanPage() {
  const { t, i18n } = useTranslation(PORTAL_NS);
  const lang = toLanguage(i18n.language);
  const { id = '' } = useParams();
  const loan = useLoan(id);
  const found = loan.isSuccess;
  const qr = usePaymentQr(id);
  const schedule = useSchedule(id, found);
  const transactions = useTransactions(id, found);
  const [payoffOpen, { toggle: togglePayoff }] = useDisclosure(false);

  if (loan.isError && isApiError(loan.error) && loan.error.problem.status === 404) {
    return (
      <Stack gap="sm" align="flex-start" data-testid="loan-not-found">
        <Title order={1} size="h3">
          {t('loan.notFound')}
        </Title>
        <Text>{t('loan.notFoundHint')}</Text>
        <Button component={Link} to="/">
          {t('loan.back')}
        </Button>
      </Stack>
    );
  }
  if (loan.isError) return <ProblemAlert error={loan.error} onRetry={() => void loan.refetch()} />;
  const l = loan.data;
  const items = qr.data?.items ?? [];
  const toPay = items.filter((i) => i.kind !== 'PAYOFF');
  const payoff = items.find((i) => i.kind === 'PAYOFF');
  const events = (transactions.data ?? []).filter((e) => e.kind === 'DISBURSEMENT' || e.kind === 'REPAYMENT' || e.kind === 'RECOVERY');

  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Anchor component={Link} to="/" size="sm">
          ‹ {t('home.title')}
        </Anchor>
        {l ? (
          <Group gap="sm" mt={4} wrap="wrap">
            <Title order={1} size="h3">
              {t('loan.titlePrefix')} <span style={{ whiteSpace: 'nowrap' }}>{l.contractNumber}</span>
            </Title>
            <LoanStatusBadge status={l.status} />
            {l.status === 'ACTIVE' && <DebtGroupBadge group={l.debtGroup} />}
          </Group>
        ) : (
          <Skeleton height={32} mt={4} width="70%" />
        )}
      </div>

      {l && (
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
            <Figure label={t('loan.outstanding')}>
              <MoneyText value={l.outstandingPrincipal} />
            </Figure>
            <Figure label={t('loan.disbursed')}>
              <MoneyText value={l.principalDisbursed} />
            </Figure>
            <Figure label={t('loan.rate')}>{t('loan.ratePerYear', { rate: formatPercent(l.terms.annualInterestRatePercent, lang, 2) })}</Figure>
            <Figure label={t('loan.maturity')}>{formatDate(l.maturityDate)}</Figure>
            {l.daysPastDue > 0 && <Figure label={t('loan.daysPastDue')}>{l.daysPastDue}</Figure>}
          </SimpleGrid>
        </Paper>
      )}

      {l?.status === 'ACTIVE' && (
        <Section title={t('loan.pay')} testId="section-pay">
          {qr.isError && <ProblemAlert error={qr.error} onRetry={() => void qr.refetch()} />}
          {qr.isPending && <Skeleton height={320} radius="md" />}
          <DemoAccountNote payee={qr.data?.payee} />
          {qr.data &&
            toPay.map((item) => (
              <PaymentCard
                key={`${item.kind}-${item.installmentSeq}`}
                item={item}
                payee={qr.data.payee}
                contractNumber={qr.data.contractNumber}
                tone={item.kind === 'OVERDUE' ? 'danger' : 'default'}
              />
            ))}
          {qr.data && payoff && (
            <>
              <Button variant="default" onClick={togglePayoff} aria-expanded={payoffOpen} fullWidth>
                {payoffOpen ? t('pay.payoffHide') : t('pay.payoffShow')}
              </Button>
              <Collapse expanded={payoffOpen}>
                <PaymentCard item={payoff} payee={qr.data.payee} contractNumber={qr.data.contractNumber} />
              </Collapse>
            </>
          )}
        </Section>
      )}

      <Section title={t('loan.schedule')} testId="section-schedule">
        {schedule.isError && <ProblemAlert error={schedule.error} onRetry={() => void schedule.refetch()} />}
        {schedule.isPending ? (
          <Skeleton height={120} radius="md" />
        ) : (
          <Stack gap={6} component="ul" p={0} m={0}>
            {schedule.data?.map((i) => (
              <InstallmentRow key={i.seq} i={i} />
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('loan.transactions')} testId="section-transactions">
        {transactions.isError && <ProblemAlert error={transactions.error} onRetry={() => void transactions.refetch()} />}
        {transactions.isPending ? (
          <Skeleton height={80} radius="md" />
        ) : events.length === 0 ? (
          <Quiet>{t('loan.noTransactions')}</Quiet>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0}>
            {events.map((e) => (
              <EventRow key={e.id} e={e} />
            ))}
          </Stack>
        )}
      </Section>

      {l && (
        // The cooperative reads (and downloads) its loan's and its own file's documents; the server
        // authorises each like the loan or the borrower (docs/loan-file.md). Uploads stay with the officer.
        <>
          <PortalDocuments owner={{ kind: 'LOAN', id: l.id }} title={t('documents.loan')} />
          <PortalDocuments owner={{ kind: 'BORROWER', id: l.borrowerId }} title={t('documents.borrower')} />
        </>
      )}

      {l?.startDate && l.asOf && (
        <Section title={t('statement.title')} testId="section-statement">
          <StatementDownload key={`${l.id}-${l.asOf}`} loanId={l.id} start={l.startDate} end={l.asOf} />
        </Section>
      )}
    </Stack>
  );
}
