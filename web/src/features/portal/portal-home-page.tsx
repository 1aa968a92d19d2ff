import { Alert, Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../shared/auth/use-me';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { DebtGroupBadge } from '../../shared/ui/debt-group-badge';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { DemoAccountNote, PaymentCard } from './payment-card';
import { PORTAL_NS } from './portal-i18n';
import {
  type Loan,
  type LoanPaymentQr,
  type Notification,
  type PaymentQr,
  useMyApplications,
  useMyLoans,
  useMyNotifications,
  usePaymentQrs,
} from './portal-queries';

export function Section({ title, children, testId, id }: { title: string; children: ReactNode; testId?: string; id?: string }) {
  return (
    <Stack gap="sm" component="section" aria-label={title} data-testid={testId} id={id} style={{ scrollMarginTop: 64 }}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function Quiet({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

export function LoanStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(PORTAL_NS);
  const color = status === 'ACTIVE' ? 'blue.8' : status === 'CLOSED' ? 'green.8' : status === 'WRITTEN_OFF' ? 'red.8' : 'gray.7';
  return (
    <Badge color={color} variant="dot" c="dark.7" style={{ textTransform: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

function LoanCard({ loan }: { loan: Loan }) {
  const { t } = useTranslation(PORTAL_NS);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component={Link}
      to={`/loans/${loan.id}`}
      title={t('loan.open')}
      style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} c="blue.8" td="underline">
            {loan.contractNumber}
          </Text>
          <Group gap={6}>
            <LoanStatusBadge status={loan.status} />
            {loan.status === 'ACTIVE' && <DebtGroupBadge group={loan.debtGroup} />}
          </Group>
        </Group>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {t('loan.outstanding')}
          </Text>
          <MoneyText value={loan.outstandingPrincipal} bold />
        </Group>
        {loan.nextDueDate && (
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('loan.nextDue')} ({formatDate(loan.nextDueDate)})
            </Text>
            <MoneyText value={loan.nextDueAmount} />
          </Group>
        )}
        {loan.daysPastDue > 0 && (
          <Text size="sm" c="red.8" fw={600}>
            {t('loan.daysPastDue')}: {loan.daysPastDue}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function NotificationCard({ n }: { n: Notification }) {
  const { t, i18n } = useTranslation(PORTAL_NS);
  const lang = toLanguage(i18n.language);
  const vars = {
    seq: n.installmentSeq,
    contract: n.contractNumber,
    date: formatDate(n.dueDate),
    principal: formatMoney(n.principalAmount, lang),
    interest: formatMoney(n.interestAmount ?? '0', lang),
    days: n.daysPastDue,
  };
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" gap="xs" mb={4}>
        <Badge color={n.kind === 'OVERDUE' ? 'red.8' : n.assetId ? 'orange.7' : 'yellow.6'} variant="dot" c="dark.7" style={{ textTransform: 'none' }}>
          {t(`notification.${n.kind}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('notification.on', { date: formatDate(n.forDate) })}
        </Text>
      </Group>
      <Text size="sm">
        {n.kind === 'VALUATION_EXPIRY' || n.kind === 'REGISTRATION_EXPIRY' || n.kind === 'INSURANCE_EXPIRY'
          ? // docs/collateral.md: a collateral expiry; the insurance of the borrower's own asset reaches its user.
            t(`notification.expiry_${n.kind}`, { asset: n.subject ?? '', date: formatDate(n.dueDate) })
          : n.kind === 'OVERDUE'
            ? t('notification.overdue', vars)
            : t('notification.dueSoon', vars)}
      </Text>
    </Paper>
  );
}

/** Sum of whole-đồng decimal strings, exactly (BigInt on the digits; money never goes through a JS number). */
function sumDigits(values: readonly string[]): string {
  return values.reduce((acc, v) => acc + BigInt(v.split('.')[0] ?? '0'), 0n).toString();
}

interface Owed {
  item: PaymentQr;
  qr: LoanPaymentQr;
}

/**
 * `/` for a cooperative user (web-design.md: "the next installment as the first card (date,
 * amount, QR), then overdue, then loans"), then its applications and its notifications. One
 * column of cards: it reads on a 390-pixel phone as on a desk.
 */
export function PortalHomePage() {
  const { t, i18n } = useTranslation(PORTAL_NS);
  const me = useMe();
  const loans = useMyLoans();
  const active = (loans.data?.items ?? []).filter((l) => l.status === 'ACTIVE');
  const qrs = usePaymentQrs(active.map((l) => l.id));
  const applications = useMyApplications();
  const notifications = useMyNotifications();
  const owed: Owed[] = qrs.flatMap((q) => (q.data ? q.data.items.map((item) => ({ item, qr: q.data })) : []));
  const byDate = (a: Owed, b: Owed) => (a.item.dueDate ?? '').localeCompare(b.item.dueDate ?? '');
  const next = owed.filter((o) => o.item.kind === 'NEXT' || o.item.kind === 'DUE').sort(byDate);
  const overdue = owed.filter((o) => o.item.kind === 'OVERDUE').sort(byDate);
  const overdueTotal = formatMoney(sumDigits(overdue.map((o) => o.item.amount)), toLanguage(i18n.language));
  const qrPending = loans.isPending || qrs.some((q) => q.isPending);
  const qrError = qrs.find((q) => q.isError)?.error;

  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1} size="h3">
          {t('home.title')}
        </Title>
        {me.data && (
          <Text size="sm" c="dimmed">
            {me.data.displayName}
          </Text>
        )}
      </div>
      {loans.isError && <ProblemAlert error={loans.error} onRetry={() => void loans.refetch()} />}
      {qrError !== undefined && <ProblemAlert error={qrError} />}
      {overdue.length > 0 && (
        <Alert color="red" p="sm" role="status" data-testid="overdue-first">
          <Text size="sm">{t('pay.overdueFirst', { count: overdue.length, amount: overdueTotal })}</Text>
          <Anchor href="#overdue" size="sm" fw={600} c="red.9">
            {t('pay.seeOverdue')}
          </Anchor>
        </Alert>
      )}
      <DemoAccountNote payee={owed[0]?.qr.payee} />

      <Section title={t('home.next')} testId="section-next">
        {qrPending ? (
          <Skeleton height={320} radius="md" />
        ) : next.length === 0 ? (
          <Quiet>{t('home.nothingDue')}</Quiet>
        ) : (
          next.map((o) => (
            <PaymentCard
              key={`${o.qr.loanId}-${o.item.kind}-${o.item.installmentSeq}`}
              item={o.item}
              payee={o.qr.payee}
              contractNumber={o.qr.contractNumber}
              loanLink={`/loans/${o.qr.loanId}`}
            />
          ))
        )}
      </Section>

      <Section title={t('home.overdue')} testId="section-overdue" id="overdue">
        {qrPending ? (
          <Skeleton height={80} radius="md" />
        ) : overdue.length === 0 ? (
          <Quiet>{t('home.noOverdue')}</Quiet>
        ) : (
          overdue.map((o) => (
            <PaymentCard
              key={`${o.qr.loanId}-${o.item.installmentSeq}`}
              item={o.item}
              payee={o.qr.payee}
              contractNumber={o.qr.contractNumber}
              loanLink={`/loans/${o.qr.loanId}`}
              tone="danger"
            />
          ))
        )}
      </Section>

      <Section title={t('home.loans')} testId="section-loans">
        {loans.isPending ? (
          <Skeleton height={100} radius="md" />
        ) : (loans.data?.items.length ?? 0) === 0 ? (
          <Quiet>{t('home.noLoans')}</Quiet>
        ) : (
          loans.data?.items.map((l) => <LoanCard key={l.id} loan={l} />)
        )}
      </Section>

      <Section title={t('home.applications')} testId="section-applications">
        {applications.isError && <ProblemAlert error={applications.error} onRetry={() => void applications.refetch()} />}
        {applications.isPending ? (
          <Skeleton height={60} radius="md" />
        ) : (applications.data?.items.length ?? 0) === 0 ? (
          <Quiet>{t('home.noApplications')}</Quiet>
        ) : (
          applications.data?.items.map((a) => (
            <Paper key={a.id} withBorder radius="md" p="sm">
              <Group justify="space-between" gap="xs">
                <Text fw={600} size="sm">
                  {t('application.title', { id: a.id })}
                </Text>
                <Badge
                  variant="dot"
                  c="dark.7"
                  color={a.status === 'APPROVED' ? 'green.8' : a.status === 'REJECTED' ? 'red.8' : 'blue.8'}
                  style={{ textTransform: 'none' }}
                >
                  {t(`application.status.${a.status}`)}
                </Badge>
              </Group>
              <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {a.purpose}
              </Text>
              <Group justify="space-between" gap="xs" mt={4}>
                <Text size="sm" c="dimmed">
                  {a.approvedAmount ? t('application.approved') : t('application.requested')} ·{' '}
                  {t('application.term', { months: a.approvedTermMonths ?? a.termMonths })}
                </Text>
                <MoneyText value={a.approvedAmount ?? a.requestedAmount} />
              </Group>
            </Paper>
          ))
        )}
      </Section>

      <Section title={t('home.notifications')} testId="section-notifications">
        {notifications.isError && <ProblemAlert error={notifications.error} onRetry={() => void notifications.refetch()} />}
        {notifications.isPending ? (
          <Skeleton height={60} radius="md" />
        ) : (notifications.data?.items.length ?? 0) === 0 ? (
          <Quiet>{t('home.noNotifications')}</Quiet>
        ) : (
          notifications.data?.items.map((n) => <NotificationCard key={n.id} n={n} />)
        )}
      </Section>
    </Stack>
  );
}
