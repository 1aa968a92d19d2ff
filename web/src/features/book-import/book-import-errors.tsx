import { Alert, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { ScrollTable } from '../../shared/ui/scroll-table';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import type { BookImportError } from './book-import-queries';
import { ruleLabel } from './book-import-rules';

/** Shown at once; the filters narrow the rest (a book with hundreds of bad rows stays readable). */
const MAX_SHOWN = 300;

/** The dry run's errors (sheet, row, column, rule, message in the user's language), filtered by sheet and rule. */
export function BookImportErrors({ errors }: { errors: BookImportError[] }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const [sheet, setSheet] = useState<string | null>(null);
  const [rule, setRule] = useState<string | null>(null);
  const sheets = [...new Set(errors.map((e) => e.sheet))];
  const rules = [...new Set(errors.filter((e) => !sheet || e.sheet === sheet).map((e) => e.rule))].sort();
  const shown = errors.filter((e) => (!sheet || e.sheet === sheet) && (!rule || e.rule === rule));
  return (
    <Stack gap="sm" component="section" aria-labelledby="book-errors">
      <Title order={2} size="h4" id="book-errors">
        {t('errors.title', { count: formatCount(errors.length, lang) })}
      </Title>
      {errors.length === 0 ? (
        <Alert color="green">{t('errors.none')}</Alert>
      ) : (
        <>
          <Text size="sm">{t('errors.fix')}</Text>
          <Group gap="md" wrap="wrap">
            <Select
              label={t('errors.sheet')}
              placeholder={t('errors.allSheets')}
              data={sheets.map((s) => ({ value: s, label: t(`sheets.${s}`, { defaultValue: s }) }))}
              value={sheet}
              onChange={(v) => {
                setSheet(v);
                setRule(null);
              }}
              clearable
              w={240}
            />
            <Select
              label={t('errors.rule')}
              placeholder={t('errors.allRules')}
              data={rules.map((r) => ({ value: r, label: ruleLabel(t, r) }))}
              value={rule}
              onChange={setRule}
              clearable
              searchable
              maxLength={100}
              w={320}
            />
            <Text size="sm" c="dimmed" role="status" data-testid="errors-shown">
              {t('errors.shown', { shown: formatCount(Math.min(shown.length, MAX_SHOWN), lang), total: formatCount(errors.length, lang) })}
            </Text>
          </Group>
          <ScrollTable minWidth={900} label={t('errors.title', { count: formatCount(errors.length, lang) })}>
            <Table withTableBorder striped fz="sm" aria-label={t('errors.title', { count: formatCount(errors.length, lang) })} data-testid="book-errors-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('errors.sheet')}</Table.Th>
                  <Table.Th className="num">{t('errors.row')}</Table.Th>
                  <Table.Th>{t('errors.column')}</Table.Th>
                  <Table.Th>{t('errors.value')}</Table.Th>
                  <Table.Th>{t('errors.message')}</Table.Th>
                  <Table.Th>{t('errors.rule')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.slice(0, MAX_SHOWN).map((e, i) => (
                  <Table.Tr key={`${e.sheet}-${e.row}-${e.column}-${e.rule}-${i}`}>
                    <Table.Td>{t(`sheets.${e.sheet}`, { defaultValue: e.sheet })}</Table.Td>
                    <Table.Td className="num">{e.row}</Table.Td>
                    <Table.Td>{e.columnHeader}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.value ?? ''}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                    <Table.Td>
                      <Text size="sm" component="span" title={t('rules.code', { code: e.rule })} data-rule={e.rule}>
                        {ruleLabel(t, e.rule)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
