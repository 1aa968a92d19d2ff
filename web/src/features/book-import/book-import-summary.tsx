import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { MoneyText } from '../../shared/ui/money-text';
import { ScrollTable } from '../../shared/ui/scroll-table';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import type { AmountByKey, BookImport } from './book-import-queries';

const COUNTS = ['borrowers', 'existingBorrowers', 'loans', 'loansWithHistory', 'openingPositions', 'legacyLoans', 'disbursements', 'repayments'] as const;

function Figure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {children}
      </Text>
    </Paper>
  );
}

/** `showCode`: the sector's VSIC letter means something to a reader; a capital source's key is only its number in the system. */
function AmountTable({ title, rows, showCode }: { title: string; rows: AmountByKey[]; showCode: boolean }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('summary.none')}
        </Text>
      ) : (
        <ScrollTable minWidth={520} label={title}>
          <Table withTableBorder striped fz="sm" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                {showCode && <Table.Th>{t('summary.key')}</Table.Th>}
                <Table.Th>{t('summary.name')}</Table.Th>
                <Table.Th className="num">{t('summary.count')}</Table.Th>
                <Table.Th className="num">{t('summary.disbursed')}</Table.Th>
                <Table.Th className="num">{t('summary.outstanding')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.code}>
                  {showCode && <Table.Td>{r.code}</Table.Td>}
                  <Table.Td miw={220}>{r.name}</Table.Td>
                  <Table.Td className="num">{formatCount(r.loans, lang)}</Table.Td>
                  <Table.Td className="num">
                    <MoneyText value={r.disbursed} />
                  </Table.Td>
                  <Table.Td className="num">
                    <MoneyText value={r.outstanding} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** What the import would create: counts, disbursed and outstanding totals, by capital source and by sector. */
export function BookImportSummary({ book }: { book: BookImport }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const s = book.summary;
  return (
    <Stack gap="sm" component="section" aria-labelledby="book-summary">
      <Title order={2} size="h4" id="book-summary">
        {t(book.status === 'COMMITTED' ? 'summary.titleDone' : 'summary.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {[s.cutOverDate ? t('summary.cutOver', { date: formatDate(s.cutOverDate) }) : null, t('summary.businessDate', { date: formatDate(s.businessDate) })]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 5 }} spacing="sm">
        {COUNTS.map((k) => (
          <Figure key={k} label={t(`summary.${k}`)} testId={`count-${k}`}>
            {formatCount(s.counts[k], lang)}
          </Figure>
        ))}
        <Figure label={t('summary.disbursedTotal')} testId="total-disbursed">
          <MoneyText value={s.disbursedTotal} />
        </Figure>
        <Figure label={t('summary.outstandingTotal')} testId="total-outstanding">
          <MoneyText value={s.outstandingTotal} />
        </Figure>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <AmountTable title={t('summary.byCapitalSource')} rows={s.byCapitalSource} showCode={false} />
        <AmountTable title={t('summary.bySector')} rows={s.bySector} showCode />
      </SimpleGrid>
    </Stack>
  );
}
