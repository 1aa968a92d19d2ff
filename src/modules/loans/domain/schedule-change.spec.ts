import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money, ZERO, sum, toDecimalString } from '../../../platform/money/money.js';
import { addDays, daysBetween, type LocalDate } from '../../../platform/dates/local-date.js';
import { closeDay } from './accrual.js';
import { allocateRepayment, payoffQuote } from './allocation.js';
import { type LoanState, unpaidPrincipal } from './loan-state.js';
import { daysPastDue, loanSummary, projectInstallments } from './loan-summary.js';
import { type AmortizationMethod, makeLoanTerms } from './loan-terms.js';
import { type LoanEvent, replay } from './replay.js';
import {
  type NewInstallment,
  type ScheduleChange,
  applyScheduleChange,
  currentMaturity,
  extensionPlan,
  fitPlan,
  validateScheduleChange,
} from './schedule-change.js';

/**
 * Restructuring as a dated ScheduleChange event (domain.md "Restructuring and risk",
 * Decree 45 Art. 27). Figures on the worked example loan: 600,000,000 VND at 6%/year,
 * disbursed 10 Mar 2025, monthly, equal principal, 6 months (100,000,000 a month).
 */
const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 6, startDate: '2025-03-10' });
const disbursed: LoanEvent = { kind: 'DISBURSEMENT', date: '2025-03-10', amount: m(600_000_000) };
const plan = (rows: Array<[string, number]>): NewInstallment[] => rows.map(([dueDate, p]) => ({ dueDate, principal: m(p) }));
const change = (date: string, rows: Array<[string, number]>): ScheduleChange => ({ kind: 'SCHEDULE_CHANGE', date, installments: plan(rows) });

/** Adjustment on 5 Apr: installment 1 interest only, 120,000,000 a month from May; maturity 10 Sep kept. */
const adjustment = change('2025-04-05', [
  ['2025-04-10', 0],
  ['2025-05-10', 120_000_000],
  ['2025-06-10', 120_000_000],
  ['2025-07-10', 120_000_000],
  ['2025-08-10', 120_000_000],
  ['2025-09-10', 120_000_000],
]);
/** Extension on 5 Apr: maturity 10 Dec, 200,000,000 on 10 Jun, 10 Sep and 10 Dec. */
const extension = change('2025-04-05', [
  ['2025-04-10', 0],
  ['2025-06-10', 200_000_000],
  ['2025-09-10', 200_000_000],
  ['2025-12-10', 200_000_000],
]);
const payInterest1: LoanEvent = { kind: 'REPAYMENT', id: 'i1', date: '2025-04-10', amount: m(3_057_534) };

describe('schedule change: hand-computed figures', () => {
  it.each([
    // [case, events, as of, DPD, overdue principal, next due date]
    ['no change: installment 1 (100,000,000 + 3,057,534) unpaid on 15 Apr', [disbursed, payInterest1], '2025-04-15', 5, '100000000', '2025-05-10'],
    ['adjustment: installment 1 is interest only; paid, DPD 0 on 15 Apr', [disbursed, adjustment, payInterest1], '2025-04-15', 0, '0', '2025-05-10'],
    ['adjustment: 120,000,000 due 10 May unpaid, DPD 10 on 20 May', [disbursed, adjustment, payInterest1], '2025-05-20', 10, '120000000', '2025-06-10'],
    ['extension: nothing due on 10 May, DPD 0 on 15 May', [disbursed, extension, payInterest1], '2025-05-15', 0, '0', '2025-06-10'],
    ['extension: 200,000,000 due 10 Jun unpaid, DPD 5 on 15 Jun', [disbursed, extension, payInterest1], '2025-06-15', 5, '200000000', '2025-09-10'],
  ] as const)('%s', (_, events, asOf, dpd, overduePrincipal, next) => {
    const { state } = replay(terms, [...events], asOf);
    const summary = loanSummary(state, asOf);
    expect(summary.daysPastDue).toBe(dpd);
    expect(s(summary.overduePrincipal)).toBe(overduePrincipal);
    expect(summary.nextDueDate).toBe(next);
  });

  it('adjustment bills on the new dates: 10 Apr interest only 3,057,534; 10 May 120,000,000 + 600,000,000 × 6% × 30/365 = 2,958,904', () => {
    const { state } = replay(terms, [disbursed, adjustment, payInterest1], '2025-05-20');
    const [i1, i2] = state.installments;
    expect([i1.dueDate, s(i1.principalDue), s(i1.interestDue ?? m(-1))]).toEqual(['2025-04-10', '0', '3057534']);
    expect([i2.dueDate, s(i2.principalDue), s(i2.interestDue ?? m(-1))]).toEqual(['2025-05-10', '120000000', '2958904']);
    const summary = loanSummary(state, '2025-05-20');
    // 11 overdue days (10 … 20 May): 120,000,000 × 9% × 11/365 = 325,479.45; 2,958,904 × 10% × 11/365 = 8,917.22;
    // normal interest on the performing 480,000,000: × 6% × 11/365 = 867,945.21.
    expect([s(summary.overdueInterest), s(summary.lateInterest), s(summary.accruedInterest)]).toEqual(['325479', '8917', '867945']);
    expect(currentMaturity(state)).toBe('2025-09-10');
  });

  it('extension bills 10 Jun: 600,000,000 × 6% × 61/365 = 6,016,438; the maturity becomes 10 Dec', () => {
    const { state } = replay(terms, [disbursed, extension, payInterest1], '2025-06-10');
    const jun = state.installments.find((i) => i.dueDate === '2025-06-10');
    expect(s(jun?.interestDue ?? m(-1))).toBe('6016438');
    expect(currentMaturity(state)).toBe('2025-12-10');
    expect(state.installments.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  });

  it('reschedules overdue principal: it stops accruing overdue interest and accrues normal interest again', () => {
    // Installment 1 unpaid; adjusted on 21 Apr. Penalty frozen at 11 days (271,233); billed interest stays owed (DPD goes on).
    const late = change('2025-04-21', [
      ['2025-05-10', 120_000_000],
      ['2025-06-10', 120_000_000],
      ['2025-07-10', 120_000_000],
      ['2025-08-10', 120_000_000],
      ['2025-09-10', 120_000_000],
    ]);
    const { state } = replay(terms, [disbursed, late], '2025-05-10');
    const [i1, i2] = state.installments;
    expect([s(i1.principalDue), s(i1.overdueInterestNumerator)]).toEqual(['0', '99000000']);
    expect(daysPastDue(state, '2025-05-10')).toBe(30); // 3,057,534 interest of 10 Apr still unpaid
    // 500,000,000 × 6% × 11/365 (10 … 20 Apr) + 600,000,000 × 6% × 19/365 (21 Apr … 9 May) = 2,778,082.19
    expect([i2.seq, s(i2.principalDue), s(i2.interestDue ?? m(-1))]).toEqual([2, '120000000', '2778082']);
  });

  it.each([
    [
      'a sum different from the unpaid principal',
      'ADJUSTMENT',
      [
        ['2025-05-10', 100_000_000],
        ['2025-09-10', 100_000_000],
      ],
      'sumEqualsUnpaidPrincipal',
    ],
    [
      'an adjustment moving the maturity',
      'ADJUSTMENT',
      [
        ['2025-05-10', 300_000_000],
        ['2025-10-10', 300_000_000],
      ],
      'maturityUnchanged',
    ],
    [
      'an extension not moving it later',
      'EXTENSION',
      [
        ['2025-05-10', 300_000_000],
        ['2025-09-10', 300_000_000],
      ],
      'maturityLater',
    ],
    [
      'dates not increasing',
      'ADJUSTMENT',
      [
        ['2025-06-10', 300_000_000],
        ['2025-05-10', 0],
        ['2025-09-10', 300_000_000],
      ],
      'increasing',
    ],
    [
      'a due date on the change date',
      'ADJUSTMENT',
      [
        ['2025-04-05', 300_000_000],
        ['2025-09-10', 300_000_000],
      ],
      'increasing',
    ],
    [
      'a fraction of a đồng',
      'ADJUSTMENT',
      [
        ['2025-05-10', 299_999_999.5],
        ['2025-09-10', 300_000_000.5],
      ],
      'wholeVnd',
    ],
  ] as const)('refuses %s', (_, type, rows, rule) => {
    const { state } = replay(terms, [disbursed], '2025-04-04');
    const violations = validateScheduleChange(state, '2025-04-05', type, plan(rows.map(([d, p]) => [d, p])));
    expect(violations.map((v) => v.rule)).toContain(rule);
  });

  it('accepts the adjustment and the extension as proposed', () => {
    const { state } = replay(terms, [disbursed], '2025-04-04');
    expect(validateScheduleChange(state, '2025-04-05', 'ADJUSTMENT', adjustment.installments)).toEqual([]);
    expect(validateScheduleChange(state, '2025-04-05', 'EXTENSION', extension.installments)).toEqual([]);
  });

  it('builds an extension schedule from the new maturity alone: monthly dates to 10 Dec, equal principal', () => {
    const { state } = replay(terms, [disbursed], '2025-04-04');
    const built = extensionPlan(state, '2025-04-05', '2025-12-10');
    expect(built.map((p) => p.dueDate)).toEqual([
      '2025-04-10',
      '2025-05-10',
      '2025-06-10',
      '2025-07-10',
      '2025-08-10',
      '2025-09-10',
      '2025-10-10',
      '2025-11-10',
      '2025-12-10',
    ]);
    expect(built.map((p) => s(p.principal))).toEqual([...Array(8).fill('66666667'), '66666664']);
    expect(validateScheduleChange(state, '2025-04-05', 'EXTENSION', built)).toEqual([]);
  });

  it('fits a plan replayed onto a different balance: shortfall to the last, excess off the last ones', () => {
    const p = plan([
      ['a', 10],
      ['b', 20],
      ['c', 30],
    ]);
    expect(fitPlan(p, m(70)).map((x) => s(x.principal))).toEqual(['10', '20', '40']);
    expect(fitPlan(p, m(25)).map((x) => s(x.principal))).toEqual(['10', '15', '0']);
  });
});

/** Random loans and random restructurings of them. */
const loanArb = fc.record({
  method: fc.constantFrom<AmortizationMethod>('EQUAL_PRINCIPAL', 'ANNUITY'),
  termMonths: fc.constantFrom(3, 6, 12),
  rateBp: fc.integer({ min: 0, max: 1800 }),
  principal: fc.integer({ min: 1_000, max: 5_000_000 }).map((k) => m(k).mul(1000)),
  changeOffset: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
  extendMonths: fc.integer({ min: 0, max: 6 }),
  weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }),
  gaps: fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 8, maxLength: 8 }),
  payFirst: fc.boolean(),
});

interface Scenario {
  terms: ReturnType<typeof makeLoanTerms>;
  events: LoanEvent[];
  change: ScheduleChange;
  state: LoanState;
}

/** A valid plan: random dates after the change date, the last on the (possibly later) maturity. */
type LoanCase = typeof loanArb extends fc.Arbitrary<infer T> ? T : never;

function scenario(r: LoanCase): Scenario | null {
  const t = makeLoanTerms({ annualRate: m(r.rateBp).div(10_000), termMonths: r.termMonths, startDate: '2025-01-31', method: r.method });
  const events: LoanEvent[] = [{ kind: 'DISBURSEMENT', date: t.startDate, amount: r.principal }];
  const date = addDays(t.startDate, Math.floor(daysBetween(t.startDate, t.maturityDate) * r.changeOffset));
  if (r.payFirst) events.push({ kind: 'REPAYMENT', id: 'p', date: addDays(date, -1), amount: r.principal.div(7).floor() });
  const before = replay(t, events, addDays(date, -1)).state;
  const maturity = addDays(currentMaturity(before), r.extendMonths * 30);
  const dates: LocalDate[] = [];
  let d = date;
  for (const gap of r.gaps.slice(0, r.weights.length - 1)) {
    d = addDays(d, gap);
    if (d >= maturity) break;
    dates.push(d);
  }
  dates.push(maturity);
  const carry = replay(t, events, addDays(date, -1)).state.outstandingPrincipal;
  const weights = r.weights.slice(0, dates.length);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const rows = dates.map((dueDate, k) => ({
    dueDate,
    principal: carry
      .mul(weights[k] ?? 0)
      .div(total)
      .floor(),
  }));
  const fitted = fitPlan(rows, carry);
  const type = r.extendMonths > 0 ? 'EXTENSION' : 'ADJUSTMENT';
  if (validateScheduleChange(before, date, type, fitted).length > 0) return null;
  return { terms: t, events, change: { kind: 'SCHEDULE_CHANGE', date, installments: fitted }, state: before };
}

describe('property: schedule changes', () => {
  it('keep the invariants, and closing day by day equals replaying to the end', () => {
    fc.assert(
      fc.property(loanArb, (r) => {
        const sc = scenario(r);
        if (!sc) return;
        const events = [...sc.events, sc.change];
        const end = addDays(currentMaturity(replay(sc.terms, events, sc.change.date).state), 20);
        let st = replay(sc.terms, sc.events, addDays(sc.change.date, -1)).state;
        st = applyScheduleChange(st, sc.change);
        expect(s(st.outstandingPrincipal)).toBe(s(sum(st.installments.map(unpaidPrincipal))));
        expect(s(st.disbursedPrincipal)).toBe(s(sum(st.installments.map((i) => i.principalDue)).plus(st.prepaidPrincipal)));
        for (let day = sc.change.date; day <= end; day = addDays(day, 1)) st = closeDay(st, day);
        expect(JSON.stringify(replay(sc.terms, events, end).state)).toBe(JSON.stringify(st));
      }),
      { numRuns: 100 },
    );
  });

  it('a loan repaid exactly on the new schedule pays exactly its scheduled interest and settles', () => {
    fc.assert(
      fc.property(loanArb, (r) => {
        const sc = scenario(r);
        if (!sc) return;
        const applied = applyScheduleChange(replay(sc.terms, sc.events, addDays(sc.change.date, -1)).state, sc.change);
        const scheduled = projectInstallments(applied).filter((i) => !i.billed);
        // Interest billed before (or on) the change date and still unpaid stays owed as it was.
        const owedBefore = sum(applied.installments.filter((i) => i.billed).map((i) => (i.interestDue ?? ZERO).minus(i.interestPaid)));
        let st = applied;
        let interestPaid = ZERO;
        for (const inst of scheduled) {
          const q = payoffQuote(st, inst.dueDate);
          const due = q.duePrincipal.plus(q.billedInterest).plus(q.overdueInterest).plus(q.lateInterest);
          if (due.isZero()) continue;
          const a = allocateRepayment(st, inst.dueDate, due);
          interestPaid = interestPaid.plus(a.totals.INTEREST);
          st = a.state;
        }
        expect(s(interestPaid)).toBe(s(sum(scheduled.map((i) => i.interest)).plus(owedBefore)));
        expect(s(st.outstandingPrincipal)).toBe('0');
      }),
      { numRuns: 100 },
    );
  });

  it('restating the current schedule changes nothing', () => {
    fc.assert(
      fc.property(loanArb, (r) => {
        const sc = scenario(r);
        if (!sc) return;
        // The open day (installments due on it billed); nothing unpaid may be billed, or the change would move it.
        const open = applyScheduleChange(sc.state, { kind: 'SCHEDULE_CHANGE', date: sc.change.date, installments: [] });
        if (open.installments.some((i) => i.billed && unpaidPrincipal(i).gt(0))) return;
        const same: ScheduleChange = {
          kind: 'SCHEDULE_CHANGE',
          date: sc.change.date,
          installments: open.installments
            .filter((i) => !i.billed)
            .map((i) => ({ dueDate: i.dueDate, principal: i.principalDue, interestDate: i.interestDate })),
        };
        if (same.installments.some((i) => i.principal.isZero())) return; // principalDate flags would differ, not the figures
        const end = addDays(sc.terms.maturityDate, 10);
        const a = loanSummary(replay(sc.terms, [...sc.events, same], end).state, end);
        const b = loanSummary(replay(sc.terms, sc.events, end).state, end);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 100 },
    );
  });
});
