import { Money, ZERO, minMoney, sum } from '../../../platform/money/money.js';
import { addMonthsClamped, isLocalDate, maxDate, type LocalDate } from '../../../platform/dates/local-date.js';
import { openDay } from './accrual.js';
import { type LoanState, type LoanStateDraft, newInstallment, unpaidPrincipal } from './loan-state.js';
import { monthsPerPeriod } from './loan-terms.js';
import { type PlannedInstallment, rebuildRemaining } from './schedule.js';
import type { WorkingCalendar } from '../../../platform/dates/working-calendar.js';
import { type DueDateMoveFields, contractualDateOf, moveFields, movedDueDate } from './due-date-moves.js';

/**
 * Restructuring (domain.md "Restructuring and risk", Decree 45/2021 Art. 27):
 * - ADJUSTMENT (điều chỉnh kỳ hạn trả nợ): new due dates and amounts for the unpaid
 *   installments, the maturity unchanged;
 * - EXTENSION (gia hạn nợ): a later maturity and a new schedule.
 * Both are one dated `ScheduleChange` event of the loan: replay applies it in date order like a
 * disbursement or a repayment, so billing, overdue and DPD follow the new schedule from its date.
 * Money is unchanged: nothing accrued or billed before the date moves.
 */
export type RestructuringType = 'ADJUSTMENT' | 'EXTENSION';

export interface NewInstallment extends DueDateMoveFields {
  readonly dueDate: LocalDate;
  readonly principal: Money;
  /** Bills the interest accrued since the previous interest date (default true; the last always does). */
  readonly interestDate?: boolean;
}

export interface ScheduleChange {
  readonly kind: 'SCHEDULE_CHANGE';
  readonly date: LocalDate;
  readonly installments: readonly NewInstallment[];
}

export interface ScheduleChangeViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * The maturity as it stands: the contract's (moved to a working day like every due date,
 * docs/working-days.md), or the last due date after an extension.
 */
export function currentMaturity(state: LoanState): LocalDate {
  const contractual = state.terms.maturityDate;
  const last = state.installments[state.installments.length - 1];
  // The maturity installment (or a later one) carries the maturity as it stands, moved or not.
  if (last && contractualDateOf(last) >= contractual) return last.dueDate;
  const moved = movedDueDate(state.terms, contractual).date;
  return last ? maxDate(moved, last.dueDate) : moved;
}

/** Unpaid principal on `date` (overdue, due that day and not yet due): what a new schedule must carry. */
export function principalToReschedule(state: LoanState, date: LocalDate): Money {
  return openDay(state, date).outstandingPrincipal;
}

/**
 * Fits a plan to the principal it must carry when a replay reaches it with a different balance
 * (a backdated repayment or a reversal before its date): a shortfall is added to the last
 * installment, an excess comes off the last ones (they stay, as interest dates, so the maturity
 * holds). On the balance it was approved for, the plan is used as given.
 */
export function fitPlan(plan: readonly NewInstallment[], carry: Money): NewInstallment[] {
  const out = plan.map((p) => ({ ...p }));
  if (out.length === 0) return out;
  const diff = carry.minus(sum(out.map((p) => p.principal)));
  if (diff.gt(ZERO)) {
    out[out.length - 1].principal = out[out.length - 1].principal.plus(diff);
  } else {
    let excess = diff.neg();
    for (let k = out.length - 1; k >= 0 && excess.gt(ZERO); k -= 1) {
      const take = minMoney(out[k].principal, excess);
      out[k].principal = out[k].principal.minus(take);
      excess = excess.minus(take);
    }
  }
  return out;
}

/**
 * Applies a schedule change valued X to a state closed before X. Installments due on X are billed
 * first (the day model of every event); the unpaid principal of billed installments (overdue or
 * due today) moves into the new schedule, so it stops accruing overdue interest and accrues
 * normal interest again; billed interest and penalties stay owed where they are. The installments
 * not yet due are replaced by the new ones (numbered after the billed ones).
 */
export function applyScheduleChange(state: LoanState, change: ScheduleChange): LoanState {
  const draft: LoanStateDraft = openDay(state, change.date);
  if (draft.installments.length === 0 || change.installments.length === 0) return draft;
  const billed = draft.installments.filter((i) => i.billed);
  for (const inst of billed) if (unpaidPrincipal(inst).gt(ZERO)) inst.principalDue = inst.principalPaid;
  const plan = fitPlan(change.installments, draft.outstandingPrincipal);
  const firstSeq = billed.reduce((max, i) => Math.max(max, i.seq), 0) + 1;
  const last = plan.length - 1;
  draft.installments = [
    ...billed,
    ...plan.map((p, k) =>
      newInstallment({
        seq: firstSeq + k,
        dueDate: p.dueDate,
        principalDate: p.principal.gt(ZERO),
        interestDate: k === last || p.interestDate !== false,
        principal: p.principal,
        ...moveFields(p.contractualDate ?? p.dueDate, p.dueDate, p.moveReason),
      }),
    ),
  ];
  return draft;
}

/**
 * Every rule a proposed schedule breaks on `date` (empty when it can be applied):
 * dates strictly increasing after `date`, whole VND ≥ 0, the sum equal to the unpaid principal,
 * and the maturity kept (ADJUSTMENT) or moved later (EXTENSION) — domain.md, Decree 45 Art. 27.
 */
export function validateScheduleChange(state: LoanState, date: LocalDate, type: RestructuringType, plan: readonly NewInstallment[]): ScheduleChangeViolation[] {
  const out: ScheduleChangeViolation[] = [];
  const add = (field: string, rule: string, message: string): void => {
    out.push({ field, rule, message });
  };
  if (state.installments.length === 0) {
    add('installments', 'disbursed', 'the loan has no schedule before its first disbursement');
    return out;
  }
  if (plan.length === 0) {
    add('installments', 'notEmpty', 'give at least one installment');
    return out;
  }
  let previous = date;
  plan.forEach((p, k) => {
    if (!isLocalDate(p.dueDate)) add(`installments[${k}].dueDate`, 'date', 'not a calendar date');
    else if (p.dueDate <= previous) add(`installments[${k}].dueDate`, 'increasing', `${p.dueDate} must be after ${previous}`);
    else previous = p.dueDate;
    if (!p.principal.isInteger() || p.principal.isNegative()) add(`installments[${k}].principal`, 'wholeVnd', 'principal must be whole VND ≥ 0');
  });
  const carry = principalToReschedule(state, date);
  const planned = sum(plan.map((p) => p.principal));
  if (!planned.eq(carry))
    add('installments', 'sumEqualsUnpaidPrincipal', `the installments carry ${planned.toFixed()}; the unpaid principal is ${carry.toFixed()}`);
  const maturity = currentMaturity(state);
  const lastDue = plan[plan.length - 1].dueDate;
  if (type === 'ADJUSTMENT' && lastDue !== maturity)
    add('installments', 'maturityUnchanged', `an adjustment keeps the maturity ${maturity}; the last due date is ${lastDue}`);
  if (type === 'EXTENSION' && lastDue <= maturity)
    add('installments', 'maturityLater', `an extension moves the maturity after ${maturity}; the last due date is ${lastDue}`);
  return out;
}

/**
 * The schedule of an extension given only its new maturity: the due dates not yet reached, then
 * the loan's principal period dates (from the start date, clamped to the month's end) up to the
 * new maturity, which is the last; the unpaid principal is spread over them by the loan's method
 * (BULLET: all at the new maturity). With a calendar, the new period dates before the chosen
 * maturity move by the loan's business-day rule like the contract's (docs/working-days.md). A move
 * past the new maturity is not made (the date stays, so the dates stay in order).
 */
export function extensionPlan(state: LoanState, date: LocalDate, newMaturity: LocalDate, calendar?: WorkingCalendar): NewInstallment[] {
  const draft = openDay(state, date);
  const kept = draft.installments.filter((i) => !i.billed && contractualDateOf(i) < newMaturity);
  const contractuals = kept.map(contractualDateOf);
  const step = monthsPerPeriod(state.terms.principalFrequency, state.terms.termMonths);
  for (let k = 1; ; k += 1) {
    const d = addMonthsClamped(state.terms.startDate, k * step);
    if (d >= newMaturity) break;
    if (d > date && !contractuals.includes(d)) contractuals.push(d);
  }
  contractuals.sort();
  contractuals.push(newMaturity);
  const rule = state.terms.businessDayRule;
  const dated = contractuals.map((c) => {
    const old = kept.find((i) => contractualDateOf(i) === c);
    if (old) return { dueDate: old.dueDate, ...moveFields(c, old.dueDate, old.moveReason) };
    // The new maturity is the date the officer chose; the dates before it move like the contract's.
    const candidate = calendar && rule !== 'NONE' && c !== newMaturity ? calendar.move(c, rule) : { date: c, reason: null };
    const moved = candidate.date < newMaturity && candidate.date > date ? candidate : { date: c, reason: null };
    return { dueDate: moved.date, ...moveFields(c, moved.date, moved.reason) };
  });
  const bullet = state.terms.method === 'BULLET';
  const slots: PlannedInstallment[] = dated.map((d, k) => ({
    seq: k + 1,
    ...d,
    principalDate: !bullet || k === dated.length - 1,
    interestDate: true,
    principal: ZERO,
  }));
  const spread = rebuildRemaining({
    terms: state.terms,
    from: date,
    numerator: draft.periodInterestNumerator,
    slots,
    remainingPrincipal: draft.outstandingPrincipal,
    mode: 'RESPREAD',
  });
  return spread.map((p) => ({ dueDate: p.dueDate, principal: p.principal, ...moveFields(p.contractualDate ?? p.dueDate, p.dueDate, p.moveReason) }));
}
