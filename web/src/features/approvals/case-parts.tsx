import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { APPROVALS_NS } from './approvals-i18n';
import { useBorrower, type ApprovalItem } from './approvals-queries';

export function Field({ label, children }: { label: string; children: ReactNode }) {
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

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The borrower of a case, with who prepared it. */
export function BorrowerSection({ borrowerId, item }: { borrowerId: string; item: ApprovalItem | null | undefined }) {
  const { t, i18n } = useTranslation(APPROVALS_NS);
  const lang = toLanguage(i18n.language);
  const b = useBorrower(borrowerId).data;
  return (
    <Section title={t('sections.borrower')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field label={t('sections.borrower')}>
          <Anchor component={Link} to={`/borrowers/${borrowerId}`} size="sm">
            {b?.legalName ?? item?.borrowerName ?? borrowerId}
          </Anchor>
        </Field>
        <Field label={t('fields.type')}>{b ? t(`${LENDING_NS}:borrowerType.${b.type}`) : '—'}</Field>
        <Field label={t('fields.identity')}>{b?.identityCode ?? '—'}</Field>
        <Field label={t('fields.charterCapital')}>
          <span className="num">{formatMoney(b?.charterCapital, lang)}</span>
        </Field>
        {item && <Field label={t('fields.preparedBy')}>{item.preparedBy.map((p) => p.displayName).join(', ')}</Field>}
      </SimpleGrid>
    </Section>
  );
}
