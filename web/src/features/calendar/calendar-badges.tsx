import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CALENDAR_NS } from './calendar-i18n';
import type { CalendarDayKind, CalendarYear } from './calendar-queries';

// Outline badges in shades dark enough for small text on white and on striped rows (WCAG AA).
const KIND_COLOR: Record<CalendarDayKind, string> = {
  PUBLIC_HOLIDAY: '#b02525',
  COMPENSATORY: '#9c3d00',
  ANNOUNCED_DAY_OFF: 'blue.9',
  WORKING_DAY: 'gray.8',
};

/** A day's kind in the domain's words: law, compensatory, announced, announced working day. */
export function DayKindBadge({ kind }: { kind: CalendarDayKind }) {
  const { t } = useTranslation(CALENDAR_NS);
  return (
    <Badge variant="outline" color={KIND_COLOR[kind]} style={{ textTransform: 'none' }}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}

/** GENERATED (the law's days, in force, not confirmed yet) or CONFIRMED by an admin. */
export function YearStatusBadge({ status }: { status: CalendarYear['status'] }) {
  const { t } = useTranslation(CALENDAR_NS);
  return status === 'CONFIRMED' ? (
    <Badge color="#1e7b34" variant="filled" size="lg" style={{ textTransform: 'none' }} data-testid="year-status">
      {t('status.CONFIRMED')}
    </Badge>
  ) : (
    <Badge color="yellow.4" autoContrast variant="filled" size="lg" style={{ textTransform: 'none' }} data-testid="year-status">
      {t('status.GENERATED')}
    </Badge>
  );
}
