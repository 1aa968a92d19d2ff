import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money, ZERO, sum, toDecimalString } from '../../../platform/money/money.js';
import { addDays, daysBetween, daysInMonth, formatLocalDate, type LocalDate } from '../../../platform/dates/local-date.js';
import { closeDay, closeThrough } from './accrual.js';
import { allocateRepayment, payoffQuote } from './allocation.js';
import { disburse } from './disbursement.js';
import { LoanDomainError, RepaymentAbovePayoffError } from './loan-errors.js';
import { type LoanState, initialLoanState, lateInterestOwed, overdueInterestOwed, unpaidInterest, unpaidPrincipal } from './loan-state.js';
import { loanSummary, projectInstallments } from './loan-summary.js';
import {
  type AmortizationMethod,
  FREQUENCIES,
  type LoanTerms,
  type PrepaymentMode,
  makeLoanTerms,
  principalPeriodCount,
  validateLoanTerms,
} from './loan-terms.js';
import { type Disbursement, type LoanEvent, replay } from './replay.js';
import { buildSchedule } from './schedule.js';

const RUNS = { numRuns: 200 };
const s = toDecimalString;

/** Random valid terms: every method and frequency pair, grace, month-end and 29 Feb starts, units 1 and 1,000. */
function termsArb(maxTerm: number): fc.Arbitrary<LoanTerms> {
  return fc
    .record({
      method: fc.constantFrom<AmortizationMethod>('EQUAL_PRINCIPAL', 'ANNUITY', 'BULLET'),
      p: fc.constantFrom(...FREQUENCIES),
      i: fc.constantFrom(...FREQUENCIES),
      termMonths: fc.constantFrom(...[1, 2, 3, 4, 6, 9, 12, 18, 24].filter((t) => t <= maxTerm)),
      graceSeed: fc.nat(),
      rateBp: fc.integer({ min: 0, max: 2000 }), // 0% … 20%
      multiplierTenths: fc.integer({ min: 10, max: 15 }),
      lateBp: fc.integer({ min: 0, max: 1000 }),
      year: fc.integer({ min: 2023, max: 2027 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      unit: fc.constantFrom(1, 1, 1, 1000),
      mode: fc.constantFrom<PrepaymentMode>('REDUCE_INSTALLMENT', 'SHORTEN_TERM'),
    })
    .map((r) => {
      const principalFrequency = r.method === 'BULLET' ? 'AT_MATURITY' : r.method === 'ANNUITY' ? r.i : r.p;
      const draft = makeLoanTerms({
        annualRate: new Money(r.rateBp).div(10_000),
        overdueMultiplier: new Money(r.multiplierTenths).div(10),
        lateInterestRate: new Money(r.lateBp).div(10_000),
        method: r.method,
        principalFrequency,
        interestFrequency: r.i,
        termMonths: r.termMonths,
        startDate: formatLocalDate(r.year, r.month, Math.min(r.day, daysInMonth(r.year, r.month))),
        roundingUnit: new Money(r.unit),
        prepaymentMode: r.mode,
      });
      const n = principalPeriodCount(draft);
      return Number.isInteger(n) ? { ...draft, gracePeriods: r.graceSeed % n } : draft;
    })
    .filter((t) => validateLoanTerms(t).length === 0);
}

/** Whole VND from 1,000,000 to about 20 billion. */
const amountArb = fc.tuple(fc.integer({ min: 1_000, max: 20_000_000 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => new Money(a).mul(1000).plus(b));

/** The invariants every state keeps (loan-state.ts). */
function expectInvariants(st: LoanState): void {
  const { terms } = st;
  expect(s(st.outstandingPrincipal)).toBe(s(sum(st.installments.map(unpaidPrincipal))));
  expect(s(st.disbursedPrincipal)).toBe(s(sum(st.installments.map((i) => i.principalDue)).plus(st.prepaidPrincipal)));
  for (const i of st.installments) {
    expect(i.principalDue.gte(0) && unpaidPrincipal(i).gte(0) && unpaidInterest(i).gte(0)).toBe(true);
    expect(overdueInterestOwed(terms, i).gte(0) && lateInterestOwed(terms, i).gte(0)).toBe(true);
    expect(i.billed ? i.dueDate <= st.lastClosedDate || i.dueDate === addDays(st.lastClosedDate, 1) : i.dueDate > st.lastClosedDate).toBe(true);
  }
}

function dateIn(start: LocalDate, span: number, fraction: number): LocalDate {
  return addDays(start, Math.min(span - 1, Math.floor(fraction * span)));
}

describe('property: scheduled principal sums exactly to what is disbursed', () => {
  it('for every method, frequency and tranche pattern', () => {
    fc.assert(
      fc.property(
        termsArb(24),
        amountArb,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), amountArb), { maxLength: 3 }),
        (terms, first, tranches) => {
          expect(s(sum(buildSchedule(terms, first).map((r) => r.principal)))).toBe(s(first));
          const span = daysBetween(terms.startDate, terms.maturityDate);
          const events: Disbursement[] = [
            { kind: 'DISBURSEMENT', date: terms.startDate, amount: first },
            ...tranches.map(([f, amount]): Disbursement => ({ kind: 'DISBURSEMENT', date: dateIn(terms.startDate, span, f), amount })),
          ];
          const { state } = replay(terms, events, terms.maturityDate);
          const total = sum(events.map((e) => e.amount));
          expect(s(state.disbursedPrincipal)).toBe(s(total));
          expect(s(sum(state.installments.map((i) => i.principalDue)))).toBe(s(total));
          expectInvariants(state);
        },
      ),
      RUNS,
    );
  });
});

describe('property: a loan repaid exactly on schedule pays exactly the scheduled interest', () => {
  it('to the đồng, for every method', () => {
    fc.assert(
      fc.property(termsArb(24), amountArb, (terms, principal) => {
        const schedule = buildSchedule(terms, principal);
        let st = disburse(initialLoanState(terms), terms.startDate, principal);
        let interestPaid = ZERO;
        for (const row of schedule) {
          const q = payoffQuote(st, row.dueDate);
          // on its due date, before payment: nothing overdue, the billed interest is the scheduled one
          expect([s(q.overdueInterest), s(q.lateInterest), s(q.billedInterest), s(q.duePrincipal)]).toEqual(['0', '0', s(row.interest), s(row.principal)]);
          const due = q.duePrincipal.plus(q.billedInterest);
          if (due.gt(0)) {
            const a = allocateRepayment(st, row.dueDate, due);
            interestPaid = interestPaid.plus(a.totals.INTEREST);
            st = a.state;
          }
        }
        expect(s(interestPaid)).toBe(s(sum(schedule.map((r) => r.interest))));
        const after = loanSummary(st, addDays(terms.maturityDate, 30));
        expect([after.settled, after.daysPastDue, s(after.overdueInterest), s(after.lateInterest)]).toEqual([true, 0, '0', '0']);
      }),
      RUNS,
    );
  });

  it('after a tranche or a partial prepayment, exactly what the rebuilt schedule projects', () => {
    const extraArb = fc.record({
      kind: fc.constantFrom('DISBURSEMENT', 'PREPAYMENT'),
      when: fc.double({ min: 0, max: 1, noNaN: true }),
      amount: amountArb,
      perMille: fc.integer({ min: 1, max: 999 }),
    });
    fc.assert(
      fc.property(termsArb(24), amountArb, fc.array(extraArb, { minLength: 1, maxLength: 3 }), (terms, principal, extras) => {
        const span = daysBetween(terms.startDate, terms.maturityDate);
        const pending = extras.map((e) => ({ ...e, date: dateIn(terms.startDate, span, e.when) })).sort((a, b) => (a.date < b.date ? -1 : 1));
        let st = disburse(initialLoanState(terms), terms.startDate, principal);
        let expected = projectInstallments(st).map((r) => [r.dueDate, s(r.principal), s(r.interest)]);
        let interestPaid = ZERO;
        let next = 0;
        while (st.installments.some((i) => !i.billed)) {
          const dueDate = st.installments.find((i) => !i.billed)?.dueDate ?? '';
          const e = pending[next];
          if (e && e.date < dueDate && st.lastClosedDate < e.date) {
            next += 1;
            if (e.kind === 'DISBURSEMENT') st = disburse(st, e.date, e.amount);
            else {
              const prepaid = payoffQuote(st, e.date).notDuePrincipal.mul(e.perMille).div(1000).floor();
              if (prepaid.isZero()) continue;
              const a = allocateRepayment(st, e.date, prepaid); // nothing is due: all of it prepays principal
              expect(s(a.totals.PREPAID_PRINCIPAL)).toBe(s(prepaid));
              st = a.state;
            }
            // what the state projects now is what must be billed from here on
            expected = projectInstallments(st).map((r) => [r.dueDate, s(r.principal), s(r.interest)]);
            continue;
          }
          const q = payoffQuote(st, dueDate);
          expect([s(q.overdueInterest), s(q.lateInterest)]).toEqual(['0', '0']);
          const due = q.duePrincipal.plus(q.billedInterest);
          if (due.gt(0)) {
            const a = allocateRepayment(st, dueDate, due);
            interestPaid = interestPaid.plus(a.totals.INTEREST);
            st = a.state;
          } else {
            st = closeDay(closeThrough(st, addDays(dueDate, -1)), dueDate);
          }
        }
        expect(st.installments.map((i) => [i.dueDate, s(i.principalDue), s(i.interestDue ?? new Money(-1))])).toEqual(expected);
        expect(s(interestPaid)).toBe(s(sum(st.installments.map((i) => i.interestDue ?? ZERO))));
        expect(loanSummary(st, addDays(terms.maturityDate, 30)).settled).toBe(true);
        expectInvariants(st);
      }),
      RUNS,
    );
  });
});

describe('property: allocation never goes negative and never leaves money unassigned', () => {
  it('split sums to the amount, payoff falls by exactly the amount, above the payoff is refused', () => {
    fc.assert(
      fc.property(
        termsArb(24),
        amountArb,
        fc.double({ min: 0, max: 1.3, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (terms, principal, when, firstPerMille, secondPerMille) => {
          const span = daysBetween(terms.startDate, terms.maturityDate);
          let st = disburse(initialLoanState(terms), terms.startDate, principal);
          let date = addDays(terms.startDate, Math.floor(when * span));
          for (const perMille of [firstPerMille, secondPerMille]) {
            const before = payoffQuote(st, date);
            expect(() => allocateRepayment(st, date, before.total.plus(1))).toThrow(RepaymentAbovePayoffError);
            if (before.total.isZero()) return;
            const amount = Money.max(1, before.total.mul(perMille).div(1000).floor());
            const a = allocateRepayment(st, date, amount);
            expect(a.lines.every((l) => l.amount.gt(0))).toBe(true);
            expect(s(sum(a.lines.map((l) => l.amount)))).toBe(s(amount));
            expect(s(sum(Object.values(a.totals)))).toBe(s(amount));
            expect(s(payoffQuote(a.state, date).total)).toBe(s(before.total.minus(amount)));
            expectInvariants(a.state);
            st = a.state;
            date = addDays(date, 17);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('property: closing day by day equals replaying straight to the final date', () => {
  it('with random repayments (incl. settlement) and tranches', () => {
    const eventArb = fc.record({
      offset: fc.integer({ min: 0, max: 420 }),
      kind: fc.constantFrom('REPAYMENT', 'REPAYMENT', 'DISBURSEMENT'),
      perMille: fc.oneof({ arbitrary: fc.constant(1000), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 1000 }), weight: 3 }),
      amount: amountArb,
    });
    fc.assert(
      fc.property(termsArb(12), amountArb, fc.array(eventArb, { maxLength: 8 }), (terms, principal, raw) => {
        const end = addDays(terms.maturityDate, 45);
        const planned = [...raw].sort((a, b) => a.offset - b.offset);
        const applied: LoanEvent[] = [{ kind: 'DISBURSEMENT', date: terms.startDate, amount: principal }];
        let st = disburse(initialLoanState(terms), terms.startDate, principal);
        for (let day = terms.startDate; day <= end; day = addDays(day, 1)) {
          for (const e of planned.filter((p) => addDays(terms.startDate, p.offset) === day)) {
            if (e.kind === 'DISBURSEMENT') {
              try {
                st = disburse(st, day, e.amount);
                applied.push({ kind: 'DISBURSEMENT', date: day, amount: e.amount });
              } catch (err) {
                if (!(err instanceof LoanDomainError)) throw err; // after the last due date: refused
              }
            } else {
              const total = payoffQuote(st, day).total;
              if (total.isZero()) continue;
              const amount = Money.max(1, total.mul(e.perMille).div(1000).floor());
              st = allocateRepayment(st, day, amount).state;
              applied.push({ kind: 'REPAYMENT', id: `r${applied.length}`, date: day, amount });
            }
            expectInvariants(st);
          }
          st = closeDay(st, day);
        }
        const replayed = replay(terms, applied, end);
        expect(JSON.stringify(replayed.state)).toBe(JSON.stringify(st));
        expect(replayed.repayments).toHaveLength(applied.filter((e) => e.kind === 'REPAYMENT').length);
      }),
      RUNS,
    );
  });
});
