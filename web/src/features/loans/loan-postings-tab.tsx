import { Paper, Stack, Table, Text, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { sumMoney } from './loan-sums';
import { LOANS_NS } from './loans-i18n';
import { usePostings } from './loans-queries';

/** Bút toán: each journal transaction of the loan with its debit and credit lines (GL code and account). */
export function LoanPostingsTab({ loanId }: { loanId: string }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const postings = usePostings(loanId);
  if (postings.isPending) return <TableSkeleton />;
  if (postings.isError) return <ProblemAlert error={postings.error} onRetry={() => void postings.refetch()} />;
  if (postings.data.length === 0) return <EmptyState title={t('postings.empty')} />;
  return (
    <Stack gap="sm" data-testid="postings">
      {[...postings.data].reverse().map((p) => (
        <Paper withBorder radius="md" p="sm" key={p.transactionId}>
          <Group justify="space-between" mb={4} wrap="wrap">
            <Text size="sm" fw={600}>
              {t('postings.transaction', { id: p.transactionId })} · {t(`transactions.kinds.${p.kind}`)} · {formatDate(p.valueDate)}
            </Text>
            <Text size="xs" c="dimmed">
              {p.reversesTransactionId && t('postings.reverses', { id: p.reversesTransactionId })}
              {p.reversedByTransactionId && t('postings.reversedBy', { id: p.reversedByTransactionId })}
            </Text>
          </Group>
          {p.pooled && (
            <Text size="xs" c="dimmed" mb={4}>
              {t('postings.pooled')}
            </Text>
          )}
          <Table verticalSpacing={2} aria-label={t('postings.transaction', { id: p.transactionId })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('postings.account')}</Table.Th>
                <Table.Th ta="right" w={180}>
                  {t('postings.debit')}
                </Table.Th>
                <Table.Th ta="right" w={180}>
                  {t('postings.credit')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.entries.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Text size="sm" span className="num">
                      {e.glCode}
                    </Text>{' '}
                    <Text size="sm" span>
                      {lang === 'vi' ? e.nameVi : e.nameEn}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{e.debit !== '0' && <MoneyText value={e.debit} />}</Table.Td>
                  <Table.Td ta="right">{e.credit !== '0' && <MoneyText value={e.credit} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('postings.totals')}</Table.Th>
                <Table.Td ta="right">
                  <MoneyText value={sumMoney(p.entries.map((e) => e.debit))} bold />
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={sumMoney(p.entries.map((e) => e.credit))} bold />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
