import { describe, expect, it } from '@jest/globals';
import { Money, toDecimalString } from '../../../platform/money/money.js';
import { addDays } from '../../../platform/dates/local-date.js';
import { closeThrough } from './accrual.js';
import { earnedIncome } from './income.js';
import { LoanDomainError } from './loan-errors.js';
import { initialLoanState } from './loan-state.js';
import { loanSummary } from './loan-summary.js';
import { makeLoanTerms } from './loan-terms.js';
import { type OpeningPosition, applyOpeningPosition } from './opening-position.js';
import { type LoanEvent, replay } from './replay.js';

/**
 * The OPENING_POSITION event (docs/book-import.md "Opening positions"): a loan brought in at a
 * cut-over date without its history gives back the stated figures on that date, and from then on
 * the engine carries it exactly as it carries the loan whose history it stands for.
 */
const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
// 1,200,000,000 VND at 7.2%, quarterly for 3 years: 12 equal parts of 100,000,000 (no rounding remainder to respread).
const terms = makeLoanTerms({
  annualRate: m('0.072'),
  termMonths: 36,
  startDate: '2023-01-16',
  principalFrequency: 'QUARTERLY',
  interestFrequency: 'QUARTERLY',
});
const CUT = '2024-09-30';

/** The history's figures on the cut-over date, as an old book would report them (overdue interest = billed unpaid interest). */
function positionOf(events: readonly LoanEvent[]): OpeningPosition {
  const sum = loanSummary(replay(terms, events, CUT).state, CUT);
  return {
    kind: 'OPENING_POSITION',
    date: CUT,
    disbursedPrincipal: sum.disbursedPrincipal,
    outstandingPrincipal: sum.outstandingPrincipal,
    overduePrincipal: sum.overduePrincipal,
    overdueInterest: sum.billedUnpaidInterest,
    accruedInterest: sum.accruedInterest,
    daysPastDue: sum.daysPastDue,
  };
}

const disbursed: LoanEvent = { kind: 'DISBURSEMENT', date: '2023-01-16', amount: m(1_200_000_000) };

/** Pays each installment on its due date through `until` (what the engine says is owed then). */
function paidThrough(until: string): LoanEvent[] {
  const events: LoanEvent[] = [disbursed];
  for (let k = 1; k <= 12; k++) {
    const due = replay(terms, events, '2026-01-16').state.installments[k - 1]?.dueDate;
    if (!due || due > until) break;
    const sum = loanSummary(replay(terms, events, due).state, due);
    events.push({ kind: 'REPAYMENT', id: `r${k}`, date: due, amount: sum.overduePrincipal.plus(sum.billedUnpaidInterest) });
  }
  return events;
}

describe('OPENING_POSITION', () => {
  it('gives back the stated figures on the cut-over date, DPD included', () => {
    const events = paidThrough('2024-01-16'); // paid the first 4 quarters, then stopped: 2 quarters overdue at the cut-over
    const p = positionOf(events);
    expect(p.daysPastDue).toBeGreaterThan(90);
    const opened = applyOpeningPosition(initialLoanState(terms), p);
    const sum = loanSummary(opened, CUT);
    expect(s(sum.outstandingPrincipal)).toBe(s(p.outstandingPrincipal));
    expect(s(sum.overduePrincipal)).toBe(s(p.overduePrincipal));
    expect(s(sum.billedUnpaidInterest)).toBe(s(p.overdueInterest));
    expect(s(sum.accruedInterest)).toBe(s(p.accruedInterest));
    expect(sum.daysPastDue).toBe(p.daysPastDue);
    expect(s(sum.disbursedPrincipal)).toBe('1200000000');
    // disbursed = Σ principal due + prepaid (the principal repaid before the cut-over is off the schedule)
    const scheduled = opened.installments.reduce((a, i) => a.plus(i.principalDue), m(0));
    expect(s(scheduled.plus(opened.prepaidPrincipal))).toBe('1200000000');
    // Penalties of the old book are not in the sheet: none owed at the cut-over.
    expect(s(sum.overdueInterest.plus(sum.lateInterest))).toBe('0');
    // What the ledger receives as opening receivables: the outstanding principal and the interest owed.
    expect(s(earnedIncome(opened).interest)).toBe(s(p.overdueInterest.plus(p.accruedInterest)));
  });

  it('continues as the loan whose history it stands for: billing, ageing and DPD after the cut-over', () => {
    const events = paidThrough('2024-01-16');
    const p = positionOf(events);
    for (const later of ['2024-10-16', '2024-10-17', '2025-01-16', '2025-03-01', '2026-01-16', '2026-02-20']) {
      const history = loanSummary(replay(terms, events, later).state, later);
      const opened = loanSummary(replay(terms, [p], later).state, later);
      expect({ later, ...pick(opened) }).toEqual({ later, ...pick(history) });
    }
  });

  it('continues a current loan exactly, interest to the đồng, and takes its repayments', () => {
    const events = paidThrough('2024-07-16');
    const p = positionOf(events);
    expect(p.daysPastDue).toBe(0);
    expect(p.accruedInterest.gt(0)).toBe(true);
    const history = replay(terms, paidThrough('2026-01-16'), '2026-01-16');
    // The same repayments after the cut-over, on the opened loan.
    const after = paidThrough('2026-01-16').filter((e) => e.date > CUT);
    const opened = replay(terms, [p, ...after], '2026-01-16');
    expect(after.map((e) => (e.kind === 'REPAYMENT' ? s(e.amount) : '')).length).toBeGreaterThan(3);
    expect(opened.repayments.map((r) => s(r.allocation.totals.INTEREST))).toEqual(
      history.repayments.slice(-after.length).map((r) => s(r.allocation.totals.INTEREST)),
    );
    const end = loanSummary(opened.state, '2026-01-16');
    expect(end.settled).toBe(true);
  });

  it('ages from the stated DPD when nothing is paid', () => {
    const p = positionOf(paidThrough('2024-01-16'));
    const opened = closeThrough(applyOpeningPosition(initialLoanState(terms), p), addDays(CUT, 30));
    expect(loanSummary(opened, addDays(CUT, 30)).daysPastDue).toBe(p.daysPastDue + 30);
    expect(loanSummary(opened, addDays(CUT, 30)).overdueInterest.gt(0)).toBe(true); // interest on overdue principal from the day after the cut-over
  });

  it('brings a loan repaid before the cut-over in settled, with no schedule left', () => {
    const p: OpeningPosition = {
      ...positionOf(paidThrough('2024-07-16')),
      outstandingPrincipal: m(0),
      overduePrincipal: m(0),
      overdueInterest: m(0),
      accruedInterest: m(0),
      daysPastDue: 0,
    };
    const opened = applyOpeningPosition(initialLoanState(terms), p);
    expect(opened.installments).toEqual([]);
    expect(loanSummary(opened, CUT).settled).toBe(true);
  });

  it('refuses an inconsistent position and a position on a loan with events', () => {
    const p = positionOf(paidThrough('2024-01-16'));
    const bad: Array<[string, OpeningPosition]> = [
      ['overdue > outstanding', { ...p, overduePrincipal: p.outstandingPrincipal.plus(1) }],
      ['outstanding > disbursed', { ...p, outstandingPrincipal: m(1_300_000_000) }],
      ['days past due without anything overdue', { ...p, overduePrincipal: m(0), overdueInterest: m(0) }],
      ['a fraction of a đồng', { ...p, accruedInterest: m('10.5') }],
      ['before the first disbursement', { ...p, date: '2023-01-01' }],
    ];
    for (const [rule, position] of bad) {
      expect({ rule, thrown: thrownBy(() => applyOpeningPosition(initialLoanState(terms), position)) }).toEqual({
        rule,
        thrown: 'LOAN.OPENING_POSITION_INCONSISTENT',
      });
    }
    const disbursedState = replay(terms, [disbursed], '2023-02-01').state;
    expect(thrownBy(() => applyOpeningPosition(disbursedState, p))).toBe('LOAN.OPENING_POSITION_NOT_FIRST');
  });
});

function pick(x: ReturnType<typeof loanSummary>): Record<string, string | number | boolean | null> {
  return {
    outstanding: s(x.outstandingPrincipal),
    overduePrincipal: s(x.overduePrincipal),
    billedUnpaidInterest: s(x.billedUnpaidInterest),
    accruedInterest: s(x.accruedInterest),
    nextDueDate: x.nextDueDate,
    daysPastDue: x.daysPastDue,
  };
}

function thrownBy(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof LoanDomainError ? e.code : String(e);
  }
}
