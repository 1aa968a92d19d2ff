import { Alert, Badge, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { MoneyText } from '../../shared/ui/money-text';
import { ScrollTable } from '../../shared/ui/scroll-table';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import type { ReconciliationRow } from './book-import-queries';

/** The reconciliation sheet: each loan with history, the old book's figures against the engine's replay. */
export function BookReconciliation({ rows }: { rows: ReconciliationRow[] }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const differ = rows.filter((r) => !r.matches);
  const [only, setOnly] = useState(differ.length > 0);
  const shown = only ? differ : rows;
  return (
    <Stack gap="sm" component="section" aria-labelledby="book-reconciliation">
      <Title order={2} size="h4" id="book-reconciliation">
        {t('reconciliation.title')}
      </Title>
      <Text size="sm">{t('reconciliation.hint')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reconciliation.none')}
        </Text>
      ) : (
        <>
          <Group gap="md">
            <Switch label={t('reconciliation.onlyDifferences')} checked={only} onChange={(e) => setOnly(e.currentTarget.checked)} />
            <Text size="sm" fw={600} data-testid="reconciliation-count">
              {differ.length === 0
                ? t('reconciliation.allMatch')
                : t('reconciliation.count', { differ: formatCount(differ.length, lang), total: formatCount(rows.length, lang) })}
            </Text>
          </Group>
          {shown.length > 0 && (
            <ScrollTable minWidth={1100} label={t('reconciliation.title')}>
              <Table withTableBorder striped fz="sm" aria-label={t('reconciliation.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reconciliation.loan')}</Table.Th>
                    <Table.Th>{t('reconciliation.asOf')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.reportedPrincipal')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.replayPrincipal')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.reportedInterest')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.replayInterest')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.difference')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.dpd')}</Table.Th>
                    <Table.Th className="num">{t('reconciliation.group')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <Table.Tr key={r.loanRef}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {r.loanRef}
                        <Text size="xs" c="dimmed">
                          {r.borrowerRef}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDate(r.asOf)}</Table.Td>
                      <Table.Td className="num">
                        <MoneyText value={r.reportedPrincipal} />
                      </Table.Td>
                      <Table.Td className="num">
                        <MoneyText value={r.replayPrincipal} />
                      </Table.Td>
                      <Table.Td className="num">
                        <MoneyText value={r.reportedInterest} />
                      </Table.Td>
                      <Table.Td className="num">
                        <MoneyText value={r.replayInterest} />
                      </Table.Td>
                      <Table.Td className="num">
                        <MoneyText value={r.difference} bold={!r.matches} />
                      </Table.Td>
                      <Table.Td className="num">{formatCount(r.dpd, lang)}</Table.Td>
                      <Table.Td className="num">{r.debtGroup}</Table.Td>
                      <Table.Td style={{ minWidth: 96 }}>
                        <Badge color={r.matches ? '#1e7b34' : '#a85d00'}>{r.matches ? t('reconciliation.matches') : t('reconciliation.differs')}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      )}
      {rows.length > 0 && differ.length === 0 && only && <Alert color="green">{t('reconciliation.allMatch')}</Alert>}
    </Stack>
  );
}
