import { addDays, fromDayNumber, parseLocalDate, toDayNumber, type LocalDate } from './local-date.js';

/**
 * A working-day calendar as a value (no I/O): the working weekdays, the days off (holidays,
 * compensatory days, announced extra days) and the weekend days announced as working days,
 * for a range of dates it covers. The loan engine receives one of these, never a service, so a
 * schedule stays a pure function of its inputs (docs/working-days.md).
 */

/** Why a day is not a working day, in both languages (Vietnamese first). */
export interface DayOffReason {
  readonly vi: string;
  readonly en: string;
}

export interface DayOff {
  readonly date: LocalDate;
  readonly reason: DayOffReason;
}

/** Where a due date falling on a day off goes (per product, copied into the loan's terms). */
export type BusinessDayRule = 'NONE' | 'NEXT_WORKING_DAY' | 'PREVIOUS_WORKING_DAY';
export const BUSINESS_DAY_RULES: readonly BusinessDayRule[] = ['NONE', 'NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY'];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const MONDAY_TO_FRIDAY: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

const WEEKDAY_NAMES: Record<IsoWeekday, DayOffReason> = {
  1: { vi: 'Thứ Hai', en: 'Monday' },
  2: { vi: 'Thứ Ba', en: 'Tuesday' },
  3: { vi: 'Thứ Tư', en: 'Wednesday' },
  4: { vi: 'Thứ Năm', en: 'Thursday' },
  5: { vi: 'Thứ Sáu', en: 'Friday' },
  6: { vi: 'Thứ Bảy', en: 'Saturday' },
  7: { vi: 'Chủ Nhật', en: 'Sunday' },
};

export function isoWeekday(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function weekdayName(day: IsoWeekday): DayOffReason {
  return WEEKDAY_NAMES[day];
}

/** Thrown when a date outside the range the calendar was built for is asked about. */
export class CalendarRangeError extends RangeError {
  constructor(
    readonly date: LocalDate,
    readonly from: LocalDate,
    readonly to: LocalDate,
  ) {
    super(`the working calendar covers ${from}..${to}, not ${date}`);
  }
}

export interface MovedDate {
  readonly date: LocalDate;
  /** Why the original date was not a working day; null when the date did not move. */
  readonly reason: DayOffReason | null;
}

/** The longest run of days off a move may cross before the calendar is judged broken. */
const MAX_DAYS_OFF_IN_A_ROW = 60;

export class WorkingCalendar {
  private readonly off: ReadonlyMap<LocalDate, DayOffReason>;
  private readonly working: ReadonlySet<LocalDate>;
  private readonly weekdays: ReadonlySet<IsoWeekday>;

  /**
   * @param coverage the dates this calendar answers for (inclusive); null = every date (only for
   *        calendars whose days off are complete everywhere, e.g. weekends only in tests).
   */
  constructor(
    workingWeekdays: readonly IsoWeekday[],
    daysOff: readonly DayOff[],
    readonly coverage: { readonly from: LocalDate; readonly to: LocalDate } | null,
    workingOverrides: readonly LocalDate[] = [],
  ) {
    if (workingWeekdays.length === 0) throw new RangeError('a working week needs at least one working weekday');
    this.weekdays = new Set(workingWeekdays);
    this.off = new Map(daysOff.map((d) => [d.date, d.reason]));
    this.working = new Set(workingOverrides);
  }

  /** Every day a working day: what NONE means, and what a product without a calendar sees. */
  static readonly EVERY_DAY = new WorkingCalendar([1, 2, 3, 4, 5, 6, 7], [], null);

  workingWeekdays(): IsoWeekday[] {
    return [...this.weekdays].sort((a, b) => a - b);
  }

  private check(date: LocalDate): void {
    if (this.coverage && (date < this.coverage.from || date > this.coverage.to)) throw new CalendarRangeError(date, this.coverage.from, this.coverage.to);
  }

  /** Why `date` is a day off (a holiday's name before the weekday's), or null on a working day. */
  reasonOff(date: LocalDate): DayOffReason | null {
    this.check(date);
    if (this.working.has(date)) return null;
    const holiday = this.off.get(date);
    if (holiday) return holiday;
    const weekday = isoWeekday(date);
    return this.weekdays.has(weekday) ? null : WEEKDAY_NAMES[weekday];
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.reasonOff(date) === null;
  }

  /**
   * Where a due date on `date` falls under `rule` (docs/working-days.md): NONE keeps it;
   * NEXT_WORKING_DAY takes the first working day on or after it, PREVIOUS_WORKING_DAY the last on
   * or before it. The reason is why `date` itself is off (the holiday's name).
   */
  move(date: LocalDate, rule: BusinessDayRule): MovedDate {
    if (rule === 'NONE') return { date, reason: null };
    const reason = this.reasonOff(date);
    if (reason === null) return { date, reason: null };
    const step = rule === 'NEXT_WORKING_DAY' ? 1 : -1;
    let day = toDayNumber(date);
    for (let n = 0; n < MAX_DAYS_OFF_IN_A_ROW; n += 1) {
      day += step;
      if (this.isWorkingDay(fromDayNumber(day))) return { date: fromDayNumber(day), reason };
    }
    throw new RangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${date}`);
  }

  /** The days off in [from, to] with their reasons (weekends included), for screens and tests. */
  daysOffBetween(from: LocalDate, to: LocalDate): DayOff[] {
    const out: DayOff[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const reason = this.reasonOff(d);
      if (reason) out.push({ date: d, reason });
    }
    return out;
  }
}

/** First and last day of the Gregorian years [fromYear, toYear]. */
export function yearsRange(fromYear: number, toYear: number): { from: LocalDate; to: LocalDate } {
  return { from: `${String(fromYear).padStart(4, '0')}-01-01`, to: `${String(toYear).padStart(4, '0')}-12-31` };
}

export function yearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}
