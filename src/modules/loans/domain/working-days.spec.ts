import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money, ZERO, sum, toDecimalString } from '../../../platform/money/money.js';
import { addDays, addMonthsClamped, daysInMonth, formatLocalDate, type LocalDate } from '../../../platform/dates/local-date.js';
import { type BusinessDayRule, WorkingCalendar } from '../../../platform/dates/working-calendar.js';
import { defaultCalendarDays, workingCalendarOf } from '../../calendar/index.js';
import { closeThrough } from './accrual.js';
import { allocateRepayment, payoffQuote } from './allocation.js';
import { disburse } from './disbursement.js';
import { initialLoanState } from './loan-state.js';
import { loanSummary, daysPastDue } from './loan-summary.js';
import { type AmortizationMethod, type LoanTerms, makeLoanTerms, validateLoanTerms } from './loan-terms.js';
import { replay } from './replay.js';
import { buildSchedule } from './schedule.js';
import { currentMaturity } from './schedule-change.js';
import { applyDueDateChange, contractualDueDates, dueDateChangeFor, withDueDateMoves } from './working-days.js';

const s = toDecimalString;

/** The fund's default calendar (Mon–Fri, Labour Code 2019 Art. 112 holidays and Art. 111.3 compensatory days) for 2024–2031. */
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031];
const FUND = workingCalendarOf(
  [1, 2, 3, 4, 5],
  2024,
  2031,
  YEARS.flatMap((y) => defaultCalendarDays(y)),
);

function terms(
  startDate: LocalDate,
  termMonths: number,
  rule: BusinessDayRule,
  extra: Partial<Parameters<typeof makeLoanTerms>[0]> = {},
  calendar = FUND,
): LoanTerms {
  return withDueDateMoves(makeLoanTerms({ annualRate: new Money('0.12'), termMonths, startDate, businessDayRule: rule, ...extra }), calendar);
}

const dates = (t: LoanTerms, amount = '120000000'): string[] => buildSchedule(t, new Money(amount)).map((r) => r.dueDate);

describe('due dates under a business-day rule (docs/working-days.md)', () => {
  it.each([
    // [start, months, rule, due dates]
    ['2026-01-15', 3, 'NONE', ['2026-02-15', '2026-03-15', '2026-04-15']],
    // Tết 2026 (mùng 1 = 17 Feb; days off 16–20 Feb, weekends 14–15 and 21–22): 15 Feb → Mon 23 Feb; 15 Mar is a Sunday → 16 Mar, from the start date again.
    ['2026-01-15', 3, 'NEXT_WORKING_DAY', ['2026-02-23', '2026-03-16', '2026-04-15']],
    ['2026-01-15', 3, 'PREVIOUS_WORKING_DAY', ['2026-02-13', '2026-03-13', '2026-04-15']],
    // Tết 2027 (mùng 1 = Sat 6 Feb; 5–9 Feb holidays, 10–11 Feb compensatory for the weekend, Art. 111.3): 6 Feb → Fri 12 Feb.
    ['2027-01-06', 2, 'NEXT_WORKING_DAY', ['2027-02-12', '2027-03-08']],
    ['2027-01-06', 2, 'PREVIOUS_WORKING_DAY', ['2027-02-04', '2027-03-05']],
    // Month ends: 28 Feb 2026 is a Saturday → 2 Mar (into the next month); 31 Mar stays (computed from 31 Jan, not from 2 Mar);
    // 30 Apr and 1 May are holidays and 2–3 May a weekend → 4 May.
    ['2026-01-31', 3, 'NEXT_WORKING_DAY', ['2026-03-02', '2026-03-31', '2026-05-04']],
    // 31 Oct 2026 is a Saturday → Mon 2 Nov; 30 Nov stays.
    ['2026-08-31', 3, 'NEXT_WORKING_DAY', ['2026-09-30', '2026-11-02', '2026-11-30']],
  ] as const)('%s + %i months, %s', (start, months, rule, expected) => {
    const t = terms(start, months, rule);
    expect(dates(t)).toEqual(expected);
    // The contractual dates are those of domain.md "Due dates", whatever the rule.
    expect(contractualDueDates(t)).toEqual(Array.from({ length: months }, (_, k) => addMonthsClamped(start, k + 1)));
  });

  it('records the contractual date and the holiday name of a moved installment', () => {
    const [first, second, third] = buildSchedule(terms('2026-01-15', 3, 'NEXT_WORKING_DAY'), new Money('120000000'));
    expect(first).toMatchObject({ dueDate: '2026-02-23', contractualDate: '2026-02-15', moveReason: { vi: 'Chủ Nhật', en: 'Sunday' }, days: 39 });
    expect(second).toMatchObject({ dueDate: '2026-03-16', contractualDate: '2026-03-15', days: 21 });
    expect(third.contractualDate).toBeUndefined();
    // A contractual date on a holiday names the holiday, not the weekday.
    const tet = buildSchedule(terms('2026-01-17', 1, 'NEXT_WORKING_DAY'), new Money('1000000'))[0];
    expect(tet).toMatchObject({
      dueDate: '2026-02-23',
      contractualDate: '2026-02-17',
      moveReason: { vi: 'Tết Nguyên đán (mùng 1)', en: 'Lunar New Year (day 1)' },
    });
  });

  it('moves the maturity like any due date: 2 Sep 2026 (National Day, 3 Sep adjacent) → Fri 4 Sep', () => {
    const t = terms('2026-03-02', 6, 'NEXT_WORKING_DAY');
    expect(t.maturityDate).toBe('2026-09-02'); // the contractual maturity stays in the terms
    const st = disburse(initialLoanState(t), t.startDate, new Money('60000000'));
    expect(st.installments.at(-1)).toMatchObject({ dueDate: '2026-09-04', contractualDate: '2026-09-02' });
    expect(currentMaturity(st)).toBe('2026-09-04');
    const back = disburse(initialLoanState(terms('2026-03-02', 6, 'PREVIOUS_WORKING_DAY')), '2026-03-02', new Money('60000000'));
    expect(currentMaturity(back)).toBe('2026-09-01');
  });

  it('an annuity whose moved dates change the interest split (hand-computed, 120,000,000 at 12%, 3 months from 15 Jan 2026)', () => {
    // A = round(120,000,000 × 0.01 ÷ (1 − 1.01^−3)) = 40,802,653 either way; interest by the actual days.
    const rows = (rule: BusinessDayRule): string[][] =>
      buildSchedule(terms('2026-01-15', 3, rule, { method: 'ANNUITY' as AmortizationMethod }), new Money('120000000')).map((r) => [
        r.dueDate,
        String(r.days),
        s(r.interest),
        s(r.principal),
      ]);
    expect(rows('NONE')).toEqual([
      ['2026-02-15', '31', '1223014', '39579639'], // 120,000,000 × 12% × 31/365
      ['2026-03-15', '28', '740308', '40062345'],
      ['2026-04-15', '31', '411320', '40358016'],
    ]);
    expect(rows('NEXT_WORKING_DAY')).toEqual([
      ['2026-02-23', '39', '1538630', '39264023'], // 8 more days before the moved date …
      ['2026-03-16', '21', '557410', '40245243'], // … and the next period shorter
      ['2026-04-15', '30', '399361', '40490734'],
    ]);
  });

  it('a due date on a moved day is not overdue on that day, only after it', () => {
    const t = terms('2026-01-15', 3, 'NEXT_WORKING_DAY');
    const st = disburse(initialLoanState(t), t.startDate, new Money('120000000'));
    // On 15 Feb (the contractual date) nothing is due; on 23 Feb the installment is due, DPD 0; unpaid on 24 Feb: DPD 1.
    expect(loanSummary(st, '2026-02-15')).toMatchObject({ daysPastDue: 0, nextDueDate: '2026-02-23' });
    expect(payoffQuote(closeThrough(st, '2026-02-22'), '2026-02-23').duePrincipal.toFixed()).toBe('40000000');
    expect(daysPastDue(closeThrough(st, '2026-02-23'), '2026-02-23')).toBe(0);
    expect(daysPastDue(closeThrough(st, '2026-02-24'), '2026-02-24')).toBe(1);
    const paid = allocateRepayment(
      closeThrough(st, '2026-02-22'),
      '2026-02-23',
      new Money('40000000').plus(payoffQuote(closeThrough(st, '2026-02-22'), '2026-02-23').billedInterest),
    );
    const after = loanSummary(paid.state, '2026-02-23');
    expect([after.daysPastDue, s(after.overdueInterest), s(after.lateInterest), s(after.overduePrincipal)]).toEqual([0, '0', '0', '0']);
  });

  it('every moved date is a working day within the break after (NEXT) or before (PREVIOUS) the contractual one', () => {
    fc.assert(
      fc.property(startArb, fc.constantFrom(1, 3, 6, 12, 24), ruleArb, (start, months, rule) => {
        const t = terms(start, months, rule);
        const contractual = contractualDueDates(t);
        buildSchedule(t, new Money('24000000')).forEach((row, k) => {
          const c = contractual[k];
          expect(row.contractualDate ?? row.dueDate).toBe(c);
          expect(FUND.isWorkingDay(row.dueDate)).toBe(true);
          if (FUND.isWorkingDay(c)) expect(row.dueDate).toBe(c);
          else expect(rule === 'NEXT_WORKING_DAY' ? row.dueDate > c : row.dueDate < c).toBe(true);
          // no working day between the contractual and the moved date
          for (let d = rule === 'NEXT_WORKING_DAY' ? c : row.dueDate; d < (rule === 'NEXT_WORKING_DAY' ? row.dueDate : c); d = addDays(d, 1)) {
            if (d !== row.dueDate && d !== c) expect(FUND.isWorkingDay(d)).toBe(false);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

const ruleArb = fc.constantFrom<BusinessDayRule>('NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY');
const startArb = fc
  .record({ year: fc.integer({ min: 2025, max: 2027 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map((r) => formatLocalDate(r.year, r.month, Math.min(r.day, daysInMonth(r.year, r.month))));

describe('property: a loan repaid exactly on its moved schedule pays exactly the scheduled interest', () => {
  it('to the đồng, for every method and both moving rules', () => {
    fc.assert(
      fc.property(
        startArb,
        ruleArb,
        fc.constantFrom<AmortizationMethod>('EQUAL_PRINCIPAL', 'ANNUITY', 'BULLET'),
        fc.constantFrom(3, 6, 12, 24),
        fc.integer({ min: 1_000, max: 5_000_000 }),
        fc.integer({ min: 100, max: 1500 }),
        (start, rule, method, termMonths, thousands, rateBp) => {
          const principalFrequency = method === 'BULLET' ? 'AT_MATURITY' : 'MONTHLY';
          const t = terms(start, termMonths, rule, { method, principalFrequency, interestFrequency: 'MONTHLY', annualRate: new Money(rateBp).div(10_000) });
          expect(validateLoanTerms(t)).toEqual([]);
          const principal = new Money(thousands).mul(1000);
          const schedule = buildSchedule(t, principal);
          let st = disburse(initialLoanState(t), t.startDate, principal);
          let interestPaid = ZERO;
          for (const row of schedule) {
            const q = payoffQuote(st, row.dueDate);
            expect([s(q.overdueInterest), s(q.lateInterest), s(q.billedInterest), s(q.duePrincipal)]).toEqual(['0', '0', s(row.interest), s(row.principal)]);
            const due = q.duePrincipal.plus(q.billedInterest);
            if (due.gt(0)) {
              const a = allocateRepayment(st, row.dueDate, due);
              interestPaid = interestPaid.plus(a.totals.INTEREST);
              st = a.state;
            }
          }
          expect(s(interestPaid)).toBe(s(sum(schedule.map((r) => r.interest))));
          const after = loanSummary(st, addDays(currentMaturity(st), 30));
          expect([after.settled, after.daysPastDue, s(after.overdueInterest), s(after.lateInterest)]).toEqual([true, 0, '0', '0']);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a calendar change reaches only the installments not yet billed (DUE_DATE_CHANGE)', () => {
  // The admin declares Mon 16 Mar 2026 a day off on business date 1 Mar 2026, then 16 Feb 2026 a working day.
  const extra = workingCalendarOf([1, 2, 3, 4, 5], 2024, 2031, [
    ...YEARS.flatMap((y) => defaultCalendarDays(y)),
    { date: '2026-03-16', kind: 'ANNOUNCED_DAY_OFF', nameVi: 'Nghỉ theo thông báo', nameEn: 'Announced day off', basis: 'TB 1/TB-UBND' },
  ]);
  const t = terms('2026-01-15', 3, 'NEXT_WORKING_DAY');
  const disbursed = disburse(initialLoanState(t), t.startDate, new Money('120000000'));

  it('moves the unbilled ones from their contractual dates and leaves the billed ones', () => {
    const state = closeThrough(disbursed, '2026-02-28');
    const moves = dueDateChangeFor(state, '2026-03-01', extra);
    expect(moves).toEqual([{ contractualDate: '2026-03-15', dueDate: '2026-03-17', reason: { vi: 'Chủ Nhật', en: 'Sunday' } }]);
    const changed = applyDueDateChange(state, { kind: 'DUE_DATE_CHANGE', date: '2026-03-01', moves });
    expect(changed.installments.map((i) => i.dueDate)).toEqual(['2026-02-23', '2026-03-17', '2026-04-15']);
    // The same moves on a date after 23 Feb never touch the billed first installment, even if listed.
    const back = applyDueDateChange(state, {
      kind: 'DUE_DATE_CHANGE',
      date: '2026-03-01',
      moves: [{ contractualDate: '2026-02-15', dueDate: '2026-03-02', reason: null }],
    });
    expect(back.installments[0].dueDate).toBe('2026-02-23');
  });

  it('a replay with the event gives the state the change gave, interest to the new date', () => {
    const moves = dueDateChangeFor(closeThrough(disbursed, '2026-02-28'), '2026-03-01', extra);
    const events = [
      { kind: 'DISBURSEMENT' as const, date: '2026-01-15', amount: new Money('120000000') },
      { kind: 'DUE_DATE_CHANGE' as const, date: '2026-03-01', moves },
    ];
    const replayed = replay(t, events, '2026-03-17').state;
    const second = replayed.installments[1];
    expect([second.dueDate, second.billed, s(second.interestDue ?? ZERO)]).toEqual([
      '2026-03-17',
      true,
      s(new Money('80000000').mul('0.12').mul(22).div(365).toDecimalPlaces(0)),
    ]);
    // Never on or before the change's date: a PREVIOUS move into a closed day goes to the first working day after it.
    const prev = terms('2026-01-15', 3, 'PREVIOUS_WORKING_DAY');
    const st = closeThrough(disburse(initialLoanState(prev), prev.startDate, new Money('120000000')), '2026-03-11');
    // 15 Mar (Sun) would go back to Thu 12 Mar, the change's own date: it goes to Tue 17 Mar (13 and 16 off, 14–15 weekend).
    const held = dueDateChangeFor(
      st,
      '2026-03-12',
      new WorkingCalendar(
        [1, 2, 3, 4, 5],
        [
          { date: '2026-03-13', reason: { vi: 'x', en: 'x' } },
          { date: '2026-03-16', reason: { vi: 'y', en: 'y' } },
        ],
        null,
      ),
    );
    expect(held[0]).toMatchObject({ contractualDate: '2026-03-15', dueDate: '2026-03-17' });
  });
});
