import { describe, expect, it } from 'vitest';
import { draftChanges, isDirty, isoWeekdayOf, yearRows } from './calendar-days';
import type { CalendarDayInput } from './calendar-queries';

const day = (date: string, kind: CalendarDayInput['kind'] = 'PUBLIC_HOLIDAY', nameVi = 'Tết'): CalendarDayInput => ({
  date,
  kind,
  nameVi,
  nameEn: 'Tet',
  basis: 'BLLĐ',
});

describe('calendar days', () => {
  it.each([
    ['2026-02-14', 6],
    ['2026-02-15', 7],
    ['2026-02-16', 1],
    ['2026-02-17', 2],
    ['2027-02-06', 6],
    ['2024-02-29', 4],
  ])('isoWeekdayOf(%s) = %i', (date, weekday) => {
    expect(isoWeekdayOf(date)).toBe(weekday);
  });

  it('puts the fund day beside the law day, by date, and marks where they differ', () => {
    const law = [day('2026-02-16'), day('2026-02-17')];
    const draft = [day('2026-02-14', 'ANNOUNCED_DAY_OFF'), day('2026-02-17')];
    expect(yearRows(draft, law).map((r) => [r.date, r.weekday, r.fund?.kind ?? null, r.law?.kind ?? null, r.differs])).toEqual([
      ['2026-02-14', 6, 'ANNOUNCED_DAY_OFF', null, true],
      ['2026-02-16', 1, null, 'PUBLIC_HOLIDAY', true],
      ['2026-02-17', 2, 'PUBLIC_HOLIDAY', 'PUBLIC_HOLIDAY', false],
    ]);
  });

  it('counts what the draft adds, removes and changes against the saved days', () => {
    const saved = [day('2026-02-16'), day('2026-02-17')];
    expect(draftChanges(saved, saved)).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(isDirty(saved, saved)).toBe(false);
    const draft = [day('2026-02-14', 'ANNOUNCED_DAY_OFF'), day('2026-02-15', 'ANNOUNCED_DAY_OFF'), day('2026-02-17', 'PUBLIC_HOLIDAY', 'Tết (mùng 1)')];
    expect(draftChanges(draft, saved)).toEqual({ added: 2, removed: 1, changed: 1 });
    expect(isDirty(draft, saved)).toBe(true);
  });
});
