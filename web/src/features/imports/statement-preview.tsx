import { Alert, Badge, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { MoneyText } from '../../shared/ui/money-text';
import { IMPORTS_NS } from './imports-i18n';
import type { ColumnMapping, StatementPreview } from './imports-queries';

/** The value quoted in the parser's message (`date "2025-13-01" is not …`), shown inside the translated rule text. */
export function quoted(message: string): string {
  const m = /"([^"]*)"/.exec(message);
  return m ? `“${m[1]}”` : '';
}

/** Problems by line (or the file as a whole), each rule in the user's language. */
export function ProblemTable({ problems, label }: { problems: ReadonlyArray<{ line: string; rule: string; message: string }>; label: string }) {
  const { t } = useTranslation(IMPORTS_NS);
  return (
    <Table withRowBorders verticalSpacing={4} fz="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80} className="num">
            {t('refusal.line')}
          </Table.Th>
          <Table.Th>{t('refusal.problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((e, i) => (
          <Table.Tr key={`${e.line}-${i}`}>
            <Table.Td className="num">{e.line === 'file' || e.line === '0' ? t('refusal.wholeFile') : e.line}</Table.Td>
            <Table.Td>{t(`csvRules.${e.rule}`, { value: quoted(e.message), defaultValue: e.message })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ROLES = ['date', 'amount', 'reference', 'description'] as const;

/**
 * What the server read from the file before anything is stored: the header row found, the mapping
 * (the officer's, the one remembered for the bank, or the headers recognised) as four pickers the
 * officer can change, the count and sum of the credit lines, the first lines and any problem.
 * Mounted again (key) for each new preview, so the pickers start from what the server applied.
 */
export function StatementPreviewPanel({ preview, onMapping, busy }: { preview: StatementPreview; onMapping: (m: ColumnMapping) => void; busy: boolean }) {
  const { t, i18n } = useTranslation(IMPORTS_NS);
  const lang = toLanguage(i18n.language);
  const headers = [...new Set(preview.headerRow.map((h) => h.trim()).filter((h) => h !== ''))];
  const options = headers.map((h) => ({ value: h, label: h.replace(/\s*\n\s*/g, ' / ') }));
  // The officer's draft: sent to the server for a new preview once date, amount and description are chosen.
  const [current, setCurrent] = useState<ColumnMapping>(preview.mapping ?? { date: '', amount: '', reference: null, description: '' });
  const change = (role: (typeof ROLES)[number], value: string | null) => {
    const next = { ...current, [role]: role === 'reference' ? value : (value ?? '') };
    setCurrent(next);
    if (next.date && next.amount && next.description) onMapping(next);
  };
  return (
    <Stack gap="sm" data-testid="statement-preview" aria-busy={busy}>
      <Group gap="xs">
        <Badge variant="light" color="gray">
          {preview.format}
        </Badge>
        <Text size="sm" data-testid="mapping-source">
          {t(`preview.source.${preview.mappingSource}`)}
          {preview.headerLine !== null && ` ${t('preview.headerLine', { line: preview.headerLine })}`}
        </Text>
      </Group>
      {headers.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {ROLES.map((role) => (
            <Select
              key={role}
              label={t(`preview.role.${role}`)}
              description={t(`preview.roleHint.${role}`)}
              placeholder={t('preview.choose')}
              data={options}
              value={current[role] ?? null}
              onChange={(v) => change(role, v)}
              clearable={role === 'reference'}
              required={role !== 'reference'}
              searchable
              maxLength={200}
              disabled={busy}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
      )}
      <Group gap="xl">
        <Text size="sm" data-testid="preview-count">
          {t('preview.lines', { n: formatCount(preview.lineCount, lang) })}
        </Text>
        <Text size="sm">{t('preview.skipped', { n: formatCount(preview.skipped, lang) })}</Text>
        <Text size="sm">
          {t('preview.total')} <MoneyText value={preview.total} bold />
        </Text>
      </Group>
      {preview.sample.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder fz="sm" aria-label={t('preview.sample')} data-testid="preview-sample">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="num">{t('refusal.line')}</Table.Th>
                <Table.Th>{t('lines.date')}</Table.Th>
                <Table.Th className="num">{t('lines.amount')}</Table.Th>
                <Table.Th>{t('lines.reference')}</Table.Th>
                <Table.Th>{t('lines.description')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((l) => (
                <Table.Tr key={l.lineNo}>
                  <Table.Td className="num">{l.lineNo}</Table.Td>
                  <Table.Td>{formatDate(l.valueDate)}</Table.Td>
                  <Table.Td className="num">
                    <MoneyText value={l.amount} />
                  </Table.Td>
                  <Table.Td>{l.reference}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.description}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {preview.problems.length > 0 && (
        <Alert color="red" title={t('preview.problems')} data-testid="preview-problems">
          <ProblemTable problems={preview.problems.map((p) => ({ line: String(p.line), rule: p.rule, message: p.message }))} label={t('preview.problems')} />
        </Alert>
      )}
    </Stack>
  );
}
