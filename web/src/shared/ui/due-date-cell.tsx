import { Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/date';
import { toLanguage } from '../format/language';

/** The move of a due date as the API gives it on a schedule row (loan schedule, schedule preview, statement). */
export interface DueDateMove {
  /** The due date in force (moved when the contractual one fell on a day off). */
  dueDate: string;
  /** The date the contract's rule gives (start date + k periods), before any move. */
  contractualDate?: string | null;
  moved?: boolean | null;
  /** The day off's name that moved it, in both languages (null when not moved). */
  moveReason?: { vi: string; en: string } | Record<string, never> | null;
}

// Dates line up (tabular figures) but stay left-aligned like the other date columns.
const DATE_STYLE = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
// Dark orange: 6.6:1 on white for the small text (Mantine's orange 9 is 4.3:1, below WCAG AA).
const MOVED_COLOR = '#9c3d00';

function reasonText(reason: DueDateMove['moveReason'], lang: 'vi' | 'en'): string | null {
  if (!reason || !('vi' in reason)) return null;
  return (lang === 'en' ? reason.en : reason.vi) || reason.vi || null;
}

/**
 * "dời từ 15/02/2026 — Chủ Nhật" in the user's language, or null when the date did not move
 * (docs/working-days.md: a moved date says from which contractual date and which day off).
 */
export function dueDateMoveNote(row: DueDateMove, t: TFunction, language: string): string | null {
  const moved = row.moved ?? (!!row.contractualDate && row.contractualDate !== row.dueDate);
  if (!moved || !row.contractualDate) return null;
  const reason = reasonText(row.moveReason, toLanguage(language));
  const date = formatDate(row.contractualDate);
  return reason ? t('common:dueDate.movedFromReason', { date, reason }) : t('common:dueDate.movedFrom', { date });
}

/**
 * A due date in a schedule table: the date, and when it was moved off a day off, a small line
 * saying from which date and why ("dời từ 15/02/2026 — Tết Nguyên đán (mùng 1)"). `compact`
 * shows a marker with the same text as a tooltip (and for screen readers) where a row must stay
 * one line high. Use it for every due date that has `contractualDate`/`moved`/`moveReason`.
 */
export function DueDateCell({ compact = false, ...row }: DueDateMove & { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const note = dueDateMoveNote(row, t, i18n.language);
  const date = formatDate(row.dueDate);
  if (!note) return <span style={DATE_STYLE}>{date}</span>;
  if (compact) {
    return (
      <span style={DATE_STYLE} data-moved="true">
        {date}{' '}
        <Tooltip label={note} withArrow>
          <Text component="span" size="xs" fw={700} c={MOVED_COLOR} tabIndex={0} style={{ cursor: 'help' }}>
            <span aria-hidden="true">↷</span>
            <VisuallyHidden>{note}</VisuallyHidden>
          </Text>
        </Tooltip>
      </span>
    );
  }
  return (
    <Stack gap={0} data-moved="true">
      <span style={DATE_STYLE}>{date}</span>
      <Text component="span" size="xs" c={MOVED_COLOR}>
        <span aria-hidden="true">↷ </span>
        {note}
      </Text>
    </Stack>
  );
}
