import { Money, ZERO, minMoney, sum } from '../../../platform/money/money.js';
import type { LocalDate } from '../../../platform/dates/local-date.js';
import { openDay } from './accrual.js';
import { RepaymentAbovePayoffError, assertPositiveWholeVnd } from './loan-errors.js';
import type { AllocationStep } from './loan-terms.js';
import {
  type InstallmentDraft,
  type LoanState,
  type LoanStateDraft,
  accruedInterestOwed,
  lateInterestOwed,
  notDuePrincipal,
  overdueInterestOwed,
  replaceNotDue,
  roundNumerator,
  toPlanned,
  unpaidInterest,
  unpaidPrincipal,
} from './loan-state.js';
import { rebuildRemaining } from './schedule.js';

/**
 * Payoff and allocation of a repayment valued X (domain.md "Overdue, allocation, prepayment").
 * Both see the state at the start of X: days < X accrued, installments due on X billed.
 */

export interface PayoffQuote {
  readonly date: LocalDate;
  /** Interest on overdue principal (rate × multiplier), rounded. */
  readonly overdueInterest: Money;
  /** Late interest on unpaid billed interest, rounded. */
  readonly lateInterest: Money;
  /** Interest billed and not paid (overdue and due today). */
  readonly billedInterest: Money;
  /** Interest accrued through X − 1 and not billed, rounded; collected only at settlement. */
  readonly accruedInterest: Money;
  /** Principal of billed installments not paid (overdue and due today). */
  readonly duePrincipal: Money;
  readonly notDuePrincipal: Money;
  readonly total: Money;
}

/** What a component of a repayment pays; the ledger maps each to an account. */
export type AllocationComponent = 'OVERDUE_PRINCIPAL_INTEREST' | 'LATE_INTEREST' | 'INTEREST' | 'PRINCIPAL' | 'ACCRUED_INTEREST' | 'PREPAID_PRINCIPAL';

export interface AllocationLine {
  readonly step: AllocationStep;
  readonly component: AllocationComponent;
  /** The installment paid; null for a prepayment spread over the rebuilt schedule. */
  readonly seq: number | null;
  readonly amount: Money;
}

export interface RepaymentAllocation {
  readonly state: LoanState;
  readonly date: LocalDate;
  readonly amount: Money;
  readonly lines: readonly AllocationLine[];
  readonly totals: Readonly<Record<AllocationComponent, Money>>;
  /** Payoff on the date, before this repayment. */
  readonly payoffBefore: PayoffQuote;
  /** Everything is paid: the loan can close. */
  readonly settled: boolean;
}

function quoteOf(draft: LoanState, date: LocalDate): PayoffQuote {
  const billed = draft.installments.filter((i) => i.billed);
  const q = {
    overdueInterest: sum(billed.map((i) => overdueInterestOwed(draft.terms, i))),
    lateInterest: sum(billed.map((i) => lateInterestOwed(draft.terms, i))),
    billedInterest: sum(billed.map(unpaidInterest)),
    accruedInterest: accruedInterestOwed(draft),
    duePrincipal: sum(billed.map(unpaidPrincipal)),
    notDuePrincipal: notDuePrincipal(draft),
  };
  return { date, ...q, total: sum(Object.values(q)) };
}

/** domain.md "settlement" (tất toán): everything owed if the loan is paid off on `date`. */
export function payoffQuote(state: LoanState, date: LocalDate): PayoffQuote {
  return quoteOf(openDay(state, date), date);
}

type Take = { component: AllocationComponent; inst: InstallmentDraft; owed: Money; pay: (amount: Money) => void };

/** The amounts a step collects, in order: oldest installment first (domain.md). */
function claims(draft: LoanStateDraft, step: Exclude<AllocationStep, 'PREPAYMENT'>, date: LocalDate): Take[] {
  const terms = draft.terms;
  const billed = draft.installments.filter((i) => i.billed);
  const overdue = billed.filter((i) => i.dueDate < date);
  const dueToday = billed.filter((i) => i.dueDate === date);
  const interest = (inst: InstallmentDraft): Take => ({
    component: 'INTEREST',
    inst,
    owed: unpaidInterest(inst),
    pay: (a) => (inst.interestPaid = inst.interestPaid.plus(a)),
  });
  const principal = (inst: InstallmentDraft): Take => ({
    component: 'PRINCIPAL',
    inst,
    owed: unpaidPrincipal(inst),
    pay: (a) => {
      inst.principalPaid = inst.principalPaid.plus(a);
      draft.outstandingPrincipal = draft.outstandingPrincipal.minus(a);
    },
  });
  switch (step) {
    case 'PENALTY':
      // Interest on overdue principal, then late interest, per installment oldest first.
      return billed.flatMap((inst): Take[] => [
        {
          component: 'OVERDUE_PRINCIPAL_INTEREST',
          inst,
          owed: overdueInterestOwed(terms, inst),
          pay: (a) => (inst.overdueInterestPaid = inst.overdueInterestPaid.plus(a)),
        },
        { component: 'LATE_INTEREST', inst, owed: lateInterestOwed(terms, inst), pay: (a) => (inst.lateInterestPaid = inst.lateInterestPaid.plus(a)) },
      ]);
    case 'OVERDUE_INTEREST':
      return overdue.map(interest);
    case 'OVERDUE_PRINCIPAL':
      return overdue.map(principal);
    case 'DUE_INTEREST':
      return dueToday.map(interest);
    case 'DUE_PRINCIPAL':
      return dueToday.map(principal);
  }
}

/**
 * Allocates a repayment valued `date`: steps in terms.allocationOrder, oldest installment first
 * within each. An amount above the payoff is refused with the payoff figure; every đồng of an
 * accepted amount lands in exactly one line.
 */
export function allocateRepayment(state: LoanState, date: LocalDate, amount: Money): RepaymentAllocation {
  assertPositiveWholeVnd(amount, 'a repayment');
  const draft = openDay(state, date);
  const payoffBefore = quoteOf(draft, date);
  // domain.md: an amount above everything owed at settlement is refused, not kept.
  if (amount.gt(payoffBefore.total)) throw new RepaymentAbovePayoffError(amount, payoffBefore.total);

  const lines: AllocationLine[] = [];
  let left = amount;
  for (const step of draft.terms.allocationOrder) {
    if (left.isZero()) break;
    if (step === 'PREPAYMENT') {
      left = prepay(draft, date, left, lines);
      continue;
    }
    for (const take of claims(draft, step, date)) {
      const paid = minMoney(take.owed, left);
      if (paid.lte(ZERO)) continue;
      take.pay(paid);
      left = left.minus(paid);
      lines.push({ step, component: take.component, seq: take.inst.seq, amount: paid });
    }
  }
  if (!left.isZero()) throw new Error(`allocation left ${left.toString()} unassigned`); // unreachable: amount ≤ payoff

  const totals = {} as Record<AllocationComponent, Money>;
  for (const c of ['OVERDUE_PRINCIPAL_INTEREST', 'LATE_INTEREST', 'INTEREST', 'PRINCIPAL', 'ACCRUED_INTEREST', 'PREPAID_PRINCIPAL'] as const) {
    totals[c] = sum(lines.filter((l) => l.component === c).map((l) => l.amount));
  }
  return { state: draft, date, amount, lines, totals, payoffBefore, settled: amount.eq(payoffBefore.total) };
}

/**
 * PREPAYMENT step, reached only when everything due is paid (PREPAYMENT is the last step).
 * - Accrued, unbilled interest is not collected early, except at settlement: when what is left
 *   covers all principal not yet due, accrued interest (rounded) is taken first (brief; domain.md).
 * - The rest prepays principal not yet due. All of it: the loan is settled and the next
 *   installment becomes the last, billed and paid on `date`. Part of it: the installments not yet
 *   due are rebuilt by terms.prepaymentMode, and interest accrues on the lower balance from `date`.
 */
function prepay(draft: LoanStateDraft, date: LocalDate, amount: Money, lines: AllocationLine[]): Money {
  const notDue = draft.installments.filter((i) => !i.billed);
  const notDueTotal = notDuePrincipal(draft);
  let left = amount;
  if (left.gte(notDueTotal)) {
    const accrued = minMoney(accruedInterestOwed(draft), left);
    if (accrued.gt(ZERO)) {
      draft.periodInterestPaid = draft.periodInterestPaid.plus(accrued);
      const seq = notDue.find((i) => i.interestDate)?.seq ?? null;
      lines.push({ step: 'PREPAYMENT', component: 'ACCRUED_INTEREST', seq, amount: accrued });
      left = left.minus(accrued);
    }
  }
  if (left.isZero() || notDue.length === 0) return left;

  if (left.eq(notDueTotal)) {
    // Settlement: the first installment not yet due is billed today with all remaining principal
    // and the period's interest (already collected above); the later ones are dropped.
    const last = notDue[0];
    last.dueDate = date;
    last.billed = true;
    last.principalDate = true;
    last.interestDate = true;
    last.principalDue = notDueTotal;
    last.principalPaid = notDueTotal;
    last.interestDue = roundNumerator(draft.terms, draft.periodInterestNumerator);
    last.interestPaid = draft.periodInterestPaid;
    draft.periodInterestNumerator = ZERO;
    draft.periodInterestPaid = ZERO;
    draft.outstandingPrincipal = draft.outstandingPrincipal.minus(notDueTotal);
    draft.installments = draft.installments.filter((i) => i.billed);
    lines.push({ step: 'PREPAYMENT', component: 'PREPAID_PRINCIPAL', seq: last.seq, amount: notDueTotal });
    return ZERO;
  }

  const rebuilt = rebuildRemaining({
    terms: draft.terms,
    from: date,
    numerator: draft.periodInterestNumerator,
    slots: notDue.map(toPlanned),
    remainingPrincipal: notDueTotal.minus(left),
    mode: draft.terms.prepaymentMode === 'SHORTEN_TERM' ? 'SHORTEN_TERM' : 'RESPREAD',
  });
  replaceNotDue(draft, rebuilt);
  draft.outstandingPrincipal = draft.outstandingPrincipal.minus(left);
  draft.prepaidPrincipal = draft.prepaidPrincipal.plus(left);
  lines.push({ step: 'PREPAYMENT', component: 'PREPAID_PRINCIPAL', seq: null, amount: left });
  return ZERO;
}
