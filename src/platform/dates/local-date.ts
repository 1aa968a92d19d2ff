/**
 * Calendar dates as ISO strings "YYYY-MM-DD" (design.md: dates are calendar dates in
 * Asia/Ho_Chi_Minh; the business date never comes from the wall clock inside a
 * calculation). Arithmetic goes through a day number so there is no time zone in it.
 */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A real calendar date YYYY-MM-DD, years 0001–9999: 2025-02-30 and 2025-13-01 are not dates, and
 * year 0000 does not exist (PostgreSQL's `date` refuses it), so no such string reaches the database.
 */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * An instant as ISO 8601: a calendar date (isLocalDate), optionally with a time hh:mm[:ss[.ffffff]]
 * and an offset (Z or ±hh:mm, at most 14 hours). Every part must exist on the calendar and the
 * clock, so the database is never asked to parse 2025-02-30T00:00 or 24:61.
 */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_TIMESTAMP.exec(value);
  if (!m || !isLocalDate(m[1])) return false;
  const [h, mi, s, zh, zm] = [m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x)));
  return h <= 23 && mi <= 59 && s <= 59 && zh <= 14 && zm <= 59;
}

export function parseLocalDate(value: LocalDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`not a calendar date: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Days since 1970-01-01. */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** end − start in days (domain.md ACT/365: count the first day, not the last). */
export function daysBetween(start: LocalDate, end: LocalDate): number {
  return toDayNumber(end) - toDayNumber(start);
}

/**
 * start + n months with the day clamped to the month's last day. domain.md: the k-th due
 * date is always computed from the start date, never from the previous due date, so
 * 31 Jan + 1 = 28/29 Feb and 31 Jan + 2 = 31 Mar.
 */
export function addMonthsClamped(start: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(start);
  const zeroBased = year * 12 + (month - 1) + months;
  const y = Math.floor(zeroBased / 12);
  const m = (zeroBased % 12) + 1;
  return formatLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function endOfMonth(date: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(date);
  return formatLocalDate(year, month, daysInMonth(year, month));
}

export function isEndOfMonth(date: LocalDate): boolean {
  return endOfMonth(date) === date;
}

/** The calendar date "now" in a time zone: only the scheduler and the future-date guard read this. */
export function wallClockDate(timeZone: string, now: Date = new Date()): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts;
}

/** Whole years between a birth date and a date (for the 18-year rule). */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = parseLocalDate(birthDate);
  const o = parseLocalDate(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}
