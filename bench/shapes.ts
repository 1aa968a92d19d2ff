import { addMonthsClamped, daysInMonth, formatLocalDate, type LocalDate, parseLocalDate } from '../src/platform/dates/index.js';

/** How a shape's borrower pays. */
export type Behaviour = 'ON_TIME' | 'LATE' | 'PARTIAL' | 'STOPPED' | 'TRANCHES' | 'PREPAY';

/**
 * One distinct loan history: terms and dated events. The load computes each shape once with
 * the engine and clones it to many loans.
 */
export interface ShapeSpec {
  index: number;
  /** Always the 31st of a month, so every due date is a month-end and every loan bills on the close day. */
  startDate: LocalDate;
  termMonths: number;
  method: 'EQUAL_PRINCIPAL' | 'ANNUITY';
  amount: string;
  ratePercent: string;
  behaviour: Behaviour;
  /** STOPPED: the number of last due dates left unpaid. */
  missedLast: number;
  borrower: number;
}

export const SECTORS = ['A', 'C', 'F', 'G', 'A', 'H', 'I', 'C', 'A', 'S', 'G', 'Q', 'A', 'E'] as const;

const BEHAVIOURS: ReadonlyArray<{ behaviour: Behaviour; method: ShapeSpec['method']; missedLast: number }> = [
  { behaviour: 'ON_TIME', method: 'EQUAL_PRINCIPAL', missedLast: 0 },
  { behaviour: 'ON_TIME', method: 'ANNUITY', missedLast: 0 },
  { behaviour: 'LATE', method: 'EQUAL_PRINCIPAL', missedLast: 0 },
  { behaviour: 'PARTIAL', method: 'ANNUITY', missedLast: 0 },
  { behaviour: 'STOPPED', method: 'EQUAL_PRINCIPAL', missedLast: 1 },
  { behaviour: 'STOPPED', method: 'ANNUITY', missedLast: 3 },
  { behaviour: 'STOPPED', method: 'EQUAL_PRINCIPAL', missedLast: 6 },
  { behaviour: 'TRANCHES', method: 'EQUAL_PRINCIPAL', missedLast: 0 },
  { behaviour: 'PREPAY', method: 'EQUAL_PRINCIPAL', missedLast: 0 },
];

const RATES = ['6.6', '7.2', '7.8'];

/** The last day of the month before `today`: the month-end the close benchmark closes. */
export function closeDayBefore(today: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(today);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return formatLocalDate(y, m, daysInMonth(y, m));
}

/** Start dates: every 31st in the 13 months before the close day's month. */
export function startDates(closeDay: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let back = 13; back >= 1; back -= 1) {
    const monthEnd = addMonthsClamped(closeDay, -back);
    const { year, month } = parseLocalDate(monthEnd);
    if (daysInMonth(year, month) === 31) out.push(formatLocalDate(year, month, 31));
  }
  return out;
}

function monthsBetween(a: LocalDate, b: LocalDate): number {
  const x = parseLocalDate(a);
  const y = parseLocalDate(b);
  return (y.year - x.year) * 12 + (y.month - x.month);
}

/** The distinct shapes: start dates × behaviours, with terms, amounts and rates varied by index. */
export function shapeSpecs(closeDay: LocalDate): ShapeSpec[] {
  const out: ShapeSpec[] = [];
  for (const start of startDates(closeDay)) {
    const age = monthsBetween(start, closeDay);
    for (const b of BEHAVIOURS) {
      if (b.behaviour === 'STOPPED' && b.missedLast >= age) continue;
      const index = out.length;
      const term = [12, 24, 36].find((t) => t >= age + (index % 3) * 6) ?? 36;
      out.push({
        index,
        startDate: start,
        termMonths: term,
        method: b.method,
        amount: String((3 + ((index * 7) % 28)) * 100_000_000),
        ratePercent: RATES[index % RATES.length],
        behaviour: b.behaviour,
        missedLast: b.missedLast,
        borrower: index % SECTORS.length,
      });
    }
  }
  return out;
}
