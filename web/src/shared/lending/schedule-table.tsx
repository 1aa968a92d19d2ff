import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/date';
import { toLanguage } from '../format/language';
import { formatCount } from '../format/money';
import { MoneyText } from '../ui/money-text';
import { LENDING_NS } from './lending-strings';

export interface ScheduleRow {
  seq: number;
  dueDate: string;
  days?: number;
  principal: string;
  interest?: string;
  total?: string;
  balanceAfter?: string;
}

/** Sums decimal strings of whole đồng as BigInt (never a JavaScript number). */
function sum(values: Array<string | undefined>): string {
  return values.reduce((acc, v) => acc + BigInt(/^\d+$/.test(v ?? '') ? (v as string) : '0'), 0n).toString();
}

/** A schedule (a preview, a loan's, a restructuring's new one): money right-aligned, totals in bold under their column. */
export function ScheduleTable({ rows, label, testId, showDays = false }: { rows: ScheduleRow[]; label: string; testId?: string; showDays?: boolean }) {
  const { t, i18n } = useTranslation(LENDING_NS);
  const lang = toLanguage(i18n.language);
  const hasInterest = rows.some((r) => r.interest !== undefined);
  const hasDays = showDays && rows.some((r) => r.days !== undefined);
  const hasBalance = rows.some((r) => r.balanceAfter !== undefined);
  return (
    // A focusable scrolling region (keyboard users can scroll a wide schedule; axe scrollable-region-focusable).
    <div tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto' }}>
      <Table striped verticalSpacing={4} fz="sm" aria-label={label} data-testid={testId} miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('schedule.seq')}</Table.Th>
            <Table.Th>{t('schedule.dueDate')}</Table.Th>
            {hasDays && <Table.Th ta="right">{t('schedule.days')}</Table.Th>}
            <Table.Th ta="right">{t('schedule.principal')}</Table.Th>
            {hasInterest && <Table.Th ta="right">{t('schedule.interest')}</Table.Th>}
            {hasInterest && <Table.Th ta="right">{t('schedule.total')}</Table.Th>}
            {hasBalance && <Table.Th ta="right">{t('schedule.balanceAfter')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.seq}-${r.dueDate}`}>
              <Table.Td className="num">{r.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.dueDate)}</Table.Td>
              {hasDays && <Table.Td className="num">{r.days === undefined ? '' : formatCount(r.days, lang)}</Table.Td>}
              <Table.Td className="num">
                <MoneyText value={r.principal} />
              </Table.Td>
              {hasInterest && (
                <Table.Td className="num">
                  <MoneyText value={r.interest} />
                </Table.Td>
              )}
              {hasInterest && (
                <Table.Td className="num">
                  <MoneyText value={r.total ?? sum([r.principal, r.interest])} />
                </Table.Td>
              )}
              {hasBalance && (
                <Table.Td className="num">
                  <MoneyText value={r.balanceAfter} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={hasDays ? 3 : 2}>
              <Text fw={700} size="sm">
                {t('schedule.totals')}
              </Text>
            </Table.Th>
            <Table.Td className="num">
              <MoneyText value={sum(rows.map((r) => r.principal))} bold />
            </Table.Td>
            {hasInterest && (
              <Table.Td className="num">
                <MoneyText value={sum(rows.map((r) => r.interest))} bold />
              </Table.Td>
            )}
            {hasInterest && (
              <Table.Td className="num">
                <MoneyText value={sum(rows.map((r) => r.total ?? sum([r.principal, r.interest])))} bold />
              </Table.Td>
            )}
            {hasBalance && <Table.Td />}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
