import type { LocalDate, WorkingCalendar } from '../../../platform/dates/index.js';
import { Money, percentToFraction } from '../../../platform/money/index.js';
import { loanEngine } from '../../loans/index.js';

type LoanTerms = loanEngine.LoanTerms;
import type { BookLoan, BookProblem } from './book-model.js';

/** Debt group by days past due, the close's default policy (domain.md "Debt classification": 10 / 90 / 180 / 360 days). */
export function defaultDpdGroup(dpd: number): number {
  if (dpd > 360) return 5;
  if (dpd > 180) return 4;
  if (dpd > 90) return 3;
  if (dpd >= 10) return 2;
  return 1;
}

/** The contract's terms as the loans module will copy them at contract time (loan-contracts.service termsOf): the file's rate, term and frequency, the product version's other terms. */
export function termsOfBookLoan(loan: BookLoan, startDate: LocalDate): LoanTerms {
  const p = loan.product;
  const method = p.amortizationMethod as LoanTerms['method'];
  const principalFrequency = (method === 'BULLET' ? 'AT_MATURITY' : loan.frequency) as LoanTerms['principalFrequency'];
  const interestFrequency = (method === 'ANNUITY' ? principalFrequency : p.interestFrequency) as LoanTerms['interestFrequency'];
  return loanEngine.makeLoanTerms({
    annualRate: percentToFraction(loan.ratePercent),
    overdueMultiplier: new Money(p.overdueMultiplier),
    lateInterestRate: percentToFraction(p.lateInterestRatePercent),
    method,
    principalFrequency,
    interestFrequency,
    termMonths: loan.termMonths,
    gracePeriods: p.principalGracePeriods,
    roundingUnit: new Money(p.roundingUnit),
    allocationOrder: p.allocationOrder as LoanTerms['allocationOrder'],
    prepaymentMode: p.prepaymentMode as LoanTerms['prepaymentMode'],
    startDate,
    businessDayRule: p.businessDayRule as LoanTerms['businessDayRule'],
  });
}

export interface ReplayedLoan {
  readonly ref: string;
  readonly disbursed: Money;
  readonly outstanding: Money;
  /** Accrued, billed unpaid, overdue and late interest owed at the business date. */
  readonly interest: Money;
  readonly dpd: number;
  readonly debtGroup: number;
  readonly settled: boolean;
  /** The replay on the old system's date, when the file gives its figures. */
  readonly reported: { asOf: LocalDate; principal: Money; interest: Money } | null;
}

function interestOwed(s: ReturnType<typeof loanEngine.loanSummary>): Money {
  return s.accruedInterest.plus(s.billedUnpaidInterest).plus(s.overdueInterest).plus(s.lateInterest);
}

/**
 * A loan with history through the loan engine (loans/domain/replay.ts, the same code the loan's
 * stored state comes from): its disbursements and repayments in date order, every day closed up to
 * the business date. A refusal of the engine (a repayment above the payoff, terms it cannot
 * schedule) is a row error of the import.
 */
export function replayBookLoan(
  loan: BookLoan,
  businessDate: LocalDate,
  calendar: (fromYear: number, toYear: number) => WorkingCalendar | null,
): { replayed: ReplayedLoan } | { problem: BookProblem } {
  const events = loan.events.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'DISBURSEMENT' ? -1 : 1));
  const start = events.find((e) => e.kind === 'DISBURSEMENT')?.date ?? loan.signingDate;
  let terms = termsOfBookLoan(loan, start);
  if (terms.businessDayRule !== 'NONE') {
    const { fromYear, toYear } = loanEngine.calendarYearsFor(terms);
    const cal = calendar(fromYear, toYear);
    if (cal) terms = loanEngine.withDueDateMoves(terms, cal);
  }
  const engineEvents: loanEngine.LoanEvent[] = events.map((e, i) =>
    e.kind === 'DISBURSEMENT' ? { kind: 'DISBURSEMENT', date: e.date, amount: e.amount } : { kind: 'REPAYMENT', id: `r${i}`, date: e.date, amount: e.amount },
  );
  const at = (asOf: LocalDate): ReturnType<typeof loanEngine.loanSummary> => loanEngine.loanSummary(loanEngine.replay(terms, engineEvents, asOf).state, asOf);
  try {
    const now = at(businessDate);
    const reported =
      loan.reportedPrincipal !== null || loan.reportedInterest !== null
        ? (() => {
            const asOf = loan.reportedAsOf ?? businessDate;
            const s = at(asOf);
            return { asOf, principal: s.outstandingPrincipal, interest: interestOwed(s) };
          })()
        : null;
    return {
      replayed: {
        ref: loan.ref,
        disbursed: now.disbursedPrincipal,
        outstanding: now.outstandingPrincipal,
        interest: interestOwed(now),
        dpd: now.daysPastDue,
        debtGroup: defaultDpdGroup(now.daysPastDue),
        settled: now.settled,
        reported,
      },
    };
  } catch (e) {
    const payoff = e instanceof loanEngine.RepaymentAbovePayoffError;
    const row = payoff ? events.find((ev) => ev.kind === 'REPAYMENT' && ev.amount.eq((e as loanEngine.RepaymentAbovePayoffError).amount)) : undefined;
    if (payoff && row) {
      const err = e as loanEngine.RepaymentAbovePayoffError;
      return {
        problem: {
          sheet: 'Repayments',
          row: row.row,
          column: 'amount',
          rule: 'book-import.repayment-above-payoff',
          params: { column: 'amount', value: err.amount.toFixed(), limit: err.payoff.toFixed() },
          value: err.amount.toFixed(),
        },
      };
    }
    const message = e instanceof Error ? e.message : String(e);
    return {
      problem: {
        sheet: 'Loans',
        row: loan.row,
        column: 'ref',
        rule: 'book-import.replay-refused',
        params: { column: 'ref', value: message.slice(0, 300) },
        value: loan.ref,
      },
    };
  }
}

/**
 * An opening position through the loan engine (loans/domain/opening-position.ts, the event the commit
 * records): the state it gives on the cut-over date, closed up to the business date. What the engine
 * refuses (principal not yet due after the contract's last due date, days past due reaching back to
 * the first disbursement…) is a row error of the OpeningPositions sheet, before anything is written.
 */
export function checkOpeningPosition(
  loan: BookLoan,
  businessDate: LocalDate,
  calendar: (fromYear: number, toYear: number) => WorkingCalendar | null,
): BookProblem | null {
  const o = loan.opening;
  if (!o) return null;
  let terms = termsOfBookLoan(loan, o.firstDisbursementDate);
  try {
    if (terms.businessDayRule !== 'NONE') {
      const { fromYear, toYear } = loanEngine.calendarYearsFor(terms);
      const cal = calendar(fromYear, toYear);
      if (cal) terms = loanEngine.withDueDateMoves(terms, cal);
    }
    const event: loanEngine.OpeningPosition = {
      kind: 'OPENING_POSITION',
      date: o.cutOverDate,
      disbursedPrincipal: o.disbursedPrincipal,
      outstandingPrincipal: o.outstandingPrincipal,
      overduePrincipal: o.overduePrincipal,
      overdueInterest: o.overdueInterest,
      accruedInterest: o.accruedInterest,
      daysPastDue: o.dpd,
    };
    loanEngine.replay(terms, [event], businessDate);
    return null;
  } catch (e) {
    const message = e instanceof loanEngine.LoanDomainError ? (e.details.rule ?? e.message) : e instanceof Error ? e.message : String(e);
    return {
      sheet: 'OpeningPositions',
      row: o.row,
      column: 'loanRef',
      rule: 'book-import.opening-inconsistent',
      params: { column: 'loanRef', value: message.slice(0, 300) },
      value: loan.ref,
    };
  }
}
