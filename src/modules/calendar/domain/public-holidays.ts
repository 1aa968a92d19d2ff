import {
  type DayOff,
  type IsoWeekday,
  type LocalDate,
  MONDAY_TO_FRIDAY,
  WorkingCalendar,
  addDays,
  formatLocalDate,
  isoWeekday,
  yearOf,
  yearsRange,
} from '../../../platform/dates/index.js';
import { lunarNewYear, solarDateOfLunar } from './lunar.js';

/**
 * The fund's days off (docs/working-days.md). Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14):
 * - Art. 112.1: paid public holidays — a) Tết Dương lịch, 1 day (1 January); b) Tết Âm lịch, 5 days;
 *   c) Ngày Chiến thắng, 1 day (30 April); d) Ngày Quốc tế lao động, 1 day (1 May); đ) Quốc khánh,
 *   2 days (2 September and one adjacent day, before or after); e) Giỗ Tổ Hùng Vương, 1 day
 *   (10th day of the 3rd lunar month).
 * - Art. 112.3: each year the Prime Minister decides the exact days of b) and đ); the fund's admin
 *   confirms or edits them here (the announced Tết break is usually longer, e.g. 14–22 Feb 2026).
 * - Art. 111.3: a weekly day off that coincides with a holiday of Art. 112.1 is taken on the next
 *   working day (nghỉ bù): the compensatory days below.
 */

/** PUBLIC_HOLIDAY and COMPENSATORY come from the law; ANNOUNCED_DAY_OFF is an extra day the government announces; WORKING_DAY is a weekend day announced as worked (làm bù). */
export type CalendarDayKind = 'PUBLIC_HOLIDAY' | 'COMPENSATORY' | 'ANNOUNCED_DAY_OFF' | 'WORKING_DAY';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['PUBLIC_HOLIDAY', 'COMPENSATORY', 'ANNOUNCED_DAY_OFF', 'WORKING_DAY'];

export interface CalendarDay {
  readonly date: LocalDate;
  readonly kind: CalendarDayKind;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The legal basis or the announcement (e.g. "BLLĐ 2019 Đ112.1.b"). */
  readonly basis: string;
}

const LAW = 'BLLĐ 2019';

function holiday(date: LocalDate, nameVi: string, nameEn: string, point: string): CalendarDay {
  return { date, kind: 'PUBLIC_HOLIDAY', nameVi, nameEn, basis: `${LAW} Đ112.1.${point}` };
}

/**
 * Art. 112.1.đ: 2 September and one adjacent day, chosen by the Prime Minister each year. The
 * default joins the holiday to the nearer weekend, as the announcements of 2021–2025 did
 * (2021 Thu → 3/9, 2022 Fri → 1/9, 2023 Sat → 1/9, 2024 Mon → 3/9, 2025 Tue → 1/9); the admin
 * confirms the announced day.
 */
export function nationalDayAdjacent(year: number): LocalDate {
  const weekday = isoWeekday(formatLocalDate(year, 9, 2));
  const before = weekday === 2 || weekday === 5 || weekday === 6;
  return formatLocalDate(year, 9, before ? 1 : 3);
}

/** The public holidays of Art. 112.1 falling in Gregorian year `year`, in date order. */
export function publicHolidays(year: number): CalendarDay[] {
  const tet = lunarNewYear(year);
  const days: CalendarDay[] = [
    holiday(formatLocalDate(year, 1, 1), 'Tết Dương lịch', "New Year's Day", 'a'),
    // Art. 112.1.b, as announced every year: the last day of the old lunar year and the first four of the new one.
    holiday(addDays(tet, -1), 'Tết Nguyên đán (ngày cuối năm âm lịch)', 'Lunar New Year (last day of the lunar year)', 'b'),
    ...[1, 2, 3, 4].map((n) => holiday(addDays(tet, n - 1), `Tết Nguyên đán (mùng ${n})`, `Lunar New Year (day ${n})`, 'b')),
    holiday(solarDateOfLunar(year, 3, 10), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)", 'e'),
    holiday(formatLocalDate(year, 4, 30), 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'c'),
    holiday(formatLocalDate(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)', 'd'),
    holiday(formatLocalDate(year, 9, 2), 'Quốc khánh (2/9)', 'National Day (2 September)', 'đ'),
  ];
  const adjacent = nationalDayAdjacent(year);
  days.push(holiday(adjacent, 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', 'đ'));
  // Two holidays on one date (Giỗ Tổ can fall on 30 April) are one day off with both names.
  const byDate = new Map<LocalDate, CalendarDay>();
  for (const d of days) {
    const same = byDate.get(d.date);
    byDate.set(d.date, same ? { ...same, nameVi: `${same.nameVi}; ${d.nameVi}`, nameEn: `${same.nameEn}; ${d.nameEn}` } : d);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Art. 111.3: each holiday on a weekly day off gives a compensatory day on the next working day
 * that is not itself a holiday or an earlier compensatory day.
 */
export function compensatoryDays(holidays: readonly CalendarDay[], workingWeekdays: readonly IsoWeekday[]): CalendarDay[] {
  const working = new Set(workingWeekdays);
  const taken = new Set(holidays.map((h) => h.date));
  const out: CalendarDay[] = [];
  for (const h of holidays) {
    if (h.kind !== 'PUBLIC_HOLIDAY' || working.has(isoWeekday(h.date))) continue;
    let day = addDays(h.date, 1);
    while (!working.has(isoWeekday(day)) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push({ date: day, kind: 'COMPENSATORY', nameVi: `Nghỉ bù ${h.nameVi}`, nameEn: `Compensatory day off for ${h.nameEn}`, basis: `${LAW} Đ111.3` });
  }
  return out;
}

/** The days the law gives for `year` before the admin confirms or edits them: holidays and compensatory days. */
export function defaultCalendarDays(year: number, workingWeekdays: readonly IsoWeekday[] = MONDAY_TO_FRIDAY): CalendarDay[] {
  const holidays = publicHolidays(year);
  return [...holidays, ...compensatoryDays(holidays, workingWeekdays)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A WorkingCalendar over the whole years [fromYear, toYear] from their days (stored or default). */
export function workingCalendarOf(workingWeekdays: readonly IsoWeekday[], fromYear: number, toYear: number, days: readonly CalendarDay[]): WorkingCalendar {
  const off: DayOff[] = days.filter((d) => d.kind !== 'WORKING_DAY').map((d) => ({ date: d.date, reason: { vi: d.nameVi, en: d.nameEn } }));
  const worked = days.filter((d) => d.kind === 'WORKING_DAY').map((d) => d.date);
  return new WorkingCalendar(workingWeekdays, off, yearsRange(fromYear, toYear), worked);
}

/** Every day of `days` lies in `year` (what a year's edit may contain). */
export function daysOutsideYear(year: number, days: readonly CalendarDay[]): CalendarDay[] {
  return days.filter((d) => yearOf(d.date) !== year);
}
