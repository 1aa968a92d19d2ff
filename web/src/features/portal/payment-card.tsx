import { Alert, Box, CopyButton, Group, Image, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { PORTAL_NS } from './portal-i18n';
import type { Payee, PaymentQr } from './portal-queries';

function Line({ label, value, copy, testId }: { label: string; value: string; copy?: string; testId?: string }) {
  const { t } = useTranslation(PORTAL_NS);
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Group gap={6} wrap="nowrap" component="dd" m={0}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
          {value}
        </Text>
        {copy && (
          <CopyButton value={copy}>
            {({ copied, copy: doCopy }) => (
              <UnstyledButton onClick={doCopy} aria-label={t('pay.copyLabel', { label })} c="blue.8" fz="xs" fw={600} px={4} py={2}>
                {copied ? t('pay.copied') : t('pay.copy')}
              </UnstyledButton>
            )}
          </CopyButton>
        )}
      </Group>
    </div>
  );
}

/**
 * One amount to pay, as a card for a phone: what and when first, the amount large, the VietQR
 * code, and beside it (below it on a narrow screen) the bank, account, holder and purpose written
 * out, so the transfer can also be typed by hand from another phone.
 */
/** Said once per page, above the codes: the configured account is the built-in demo one. */
export function DemoAccountNote({ payee }: { payee: Payee | undefined }) {
  const { t } = useTranslation(PORTAL_NS);
  if (!payee?.demo) return null;
  return (
    <Alert color="yellow" p="xs" role="note">
      <Text size="sm">{t('pay.demo')}</Text>
    </Alert>
  );
}

export function PaymentCard({
  item,
  payee,
  contractNumber,
  loanLink,
  tone = 'default',
  headingLevel = 3,
}: {
  item: PaymentQr;
  payee: Payee;
  contractNumber: string;
  loanLink?: string;
  tone?: 'default' | 'danger';
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation(PORTAL_NS);
  const lang = toLanguage(i18n.language);
  const amount = formatMoney(item.amount, lang);
  const when = t(`pay.kind.${item.kind}`, { date: formatDate(item.dueDate) });
  const c = item.components;
  const money = (v: string) => formatMoney(v, lang);
  const parts: Array<[string, string]> = [
    [t('pay.principal'), c.principal],
    [t('pay.interest'), c.interest],
    ...(c.penalty !== '0' ? [[t('pay.penalty'), c.penalty] as [string, string]] : []),
  ];
  const contract: ReactNode = loanLink ? (
    <Text component={Link} to={loanLink} size="sm" fw={600} c="blue.8" td="underline">
      {contractNumber}
    </Text>
  ) : (
    <Text size="sm" fw={600}>
      {contractNumber}
    </Text>
  );
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={`pay-${item.kind.toLowerCase()}`}
      style={tone === 'danger' ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <div>
          <Text component={`h${headingLevel}`} size="md" fw={700} m={0} c={tone === 'danger' ? 'red.8' : undefined}>
            {item.installmentSeq !== null ? `${t('pay.installment', { seq: item.installmentSeq })} · ` : ''}
            {when}
          </Text>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('pay.contract')}:
            </Text>
            {contract}
          </Group>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('pay.amount')}
          </Text>
          <Text fz={28} fw={800} lh={1.1} className="num" ta="left" data-testid="pay-amount">
            {amount}
          </Text>
          <Text size="xs" c="dimmed">
            {parts.map(([label, value], k) => (
              <span key={label}>
                {k > 0 && ' · '}
                {/* An amount and its ₫ never split across lines on a narrow phone. */}
                <span style={{ whiteSpace: 'nowrap' }}>
                  {label} {money(value)}
                </span>
              </span>
            ))}
          </Text>
        </div>
        <Group align="flex-start" gap="md" wrap="wrap">
          <Box w={{ base: '100%', xs: 200 }} maw={260} mx={{ base: 'auto', xs: 0 }}>
            <Image src={item.imageDataUrl} alt={t('pay.qrAlt', { amount, contract: contractNumber })} w="100%" fit="contain" radius="sm" data-testid="vietqr" />
          </Box>
          <Stack gap={6} style={{ flex: '1 1 180px', minWidth: 0 }}>
            <Text size="xs">{t('pay.scan')}</Text>
            <Stack gap={6} component="dl" m={0}>
              <Line label={t('pay.bank')} value={payee.bankName} />
              <Line label={t('pay.account')} value={payee.accountNumber} copy={payee.accountNumber} />
              <Line label={t('pay.accountName')} value={payee.accountName} />
              <Line label={t('pay.amount')} value={amount} copy={item.amount} />
              <Line label={t('pay.purpose')} value={item.purpose} copy={item.purpose} testId="pay-purpose" />
            </Stack>
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}
