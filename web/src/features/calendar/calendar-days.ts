import type { CalendarDayInput } from './calendar-queries';

/**
 * Pure helpers for the year editor: the admin's draft of a year's special days against the
 * saved ones and the law's (docs/working-days.md "The fund calendar").
 */

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date, computed in UTC so no zone shifts the day. */
export function isoWeekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The body fields of a day (the API's day view carries `weekday` too, which a save does not take). */
export function toInput(d: CalendarDayInput): CalendarDayInput {
  return { date: d.date, kind: d.kind, nameVi: d.nameVi, nameEn: d.nameEn, basis: d.basis };
}

export function sortDays<T extends { date: string }>(days: readonly T[]): T[] {
  return [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** One line of the year table: the fund's day (the draft) beside the law's on the same date. */
export interface YearRow {
  date: string;
  weekday: number;
  fund: CalendarDayInput | null;
  law: CalendarDayInput | null;
  /** The fund's calendar says something else than the law on this date. */
  differs: boolean;
}

export function yearRows(draft: readonly CalendarDayInput[], law: readonly CalendarDayInput[]): YearRow[] {
  const dates = [...new Set([...draft.map((d) => d.date), ...law.map((d) => d.date)])].sort();
  return dates.map((date) => {
    const fund = draft.find((d) => d.date === date) ?? null;
    const lawDay = law.find((d) => d.date === date) ?? null;
    return { date, weekday: isoWeekdayOf(date), fund, law: lawDay, differs: fund?.kind !== lawDay?.kind };
  });
}

/** How the draft differs from the saved days: dates added, dates removed, days whose kind or name changed. */
export function draftChanges(draft: readonly CalendarDayInput[], saved: readonly CalendarDayInput[]): { added: number; removed: number; changed: number } {
  const savedBy = new Map(saved.map((d) => [d.date, d]));
  const draftDates = new Set(draft.map((d) => d.date));
  let added = 0;
  let changed = 0;
  for (const d of draft) {
    const s = savedBy.get(d.date);
    if (!s) added += 1;
    else if (s.kind !== d.kind || s.nameVi !== d.nameVi || s.nameEn !== d.nameEn || (s.basis ?? '') !== (d.basis ?? '')) changed += 1;
  }
  const removed = saved.filter((d) => !draftDates.has(d.date)).length;
  return { added, removed, changed };
}

export function isDirty(draft: readonly CalendarDayInput[], saved: readonly CalendarDayInput[]): boolean {
  const c = draftChanges(draft, saved);
  return c.added + c.removed + c.changed > 0;
}
