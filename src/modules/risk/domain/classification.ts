// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts, src/modules/risk/services/classification-sql.ts, src/modules/loans/engine-sql/loan-positions.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import type { LocalDate } from '../../../platform/dates/local-date.js';
import type { ClassificationPolicy, DebtGroup } from './classification-policy.js';

/**
 * Debt classification of one day (domain.md "Restructuring and risk"): a loan's group is the
 * worse of its DPD group and its restructuring group, and never better than the group of any
 * other loan of the same borrower at this fund (cross-loan rule). Pure functions of the policy
 * in force and the day's figures; close of business stores each change with its date and reason.
 */

/** Why a loan is in its group: its own days past due, its restructurings, or another loan of its borrower. */
export type GroupReason = 'DPD' | 'RESTRUCTURING' | 'CROSS_LOAN';

function assertDays(dpd: number): void {
  if (!Number.isInteger(dpd) || dpd < 0) throw new RangeError(`days past due must be a whole number ≥ 0, got ${dpd}`);
}

const worse = (a: DebtGroup, b: DebtGroup): DebtGroup => (a >= b ? a : b);

/** The group of the last DPD threshold the loan has reached. */
export function dpdGroup(policy: ClassificationPolicy, dpd: number): DebtGroup {
  assertDays(dpd);
  let group: DebtGroup = 1;
  for (const t of policy.dpdThresholds) if (dpd >= t.minDpd) group = worse(group, t.group);
  return group;
}

/**
 * The worst group among the policy's restructuring rules that match (count ≥ minRestructurings and
 * dpd ≥ minDpd); group 1 for a loan never restructured.
 */
export function restructuringGroup(policy: ClassificationPolicy, restructuringCount: number, dpd: number): DebtGroup {
  assertDays(dpd);
  if (!Number.isInteger(restructuringCount) || restructuringCount < 0) {
    throw new RangeError(`restructuring count must be a whole number ≥ 0, got ${restructuringCount}`);
  }
  let group: DebtGroup = 1;
  for (const r of policy.restructuringRules) {
    if (restructuringCount >= r.minRestructurings && dpd >= r.minDpd) group = worse(group, r.group);
  }
  return group;
}

export interface LoanGroup {
  readonly group: DebtGroup;
  /** RESTRUCTURING only when the restructuring group is strictly worse than the DPD group. */
  readonly reason: Exclude<GroupReason, 'CROSS_LOAN'>;
  readonly dpdGroup: DebtGroup;
  readonly restructuringGroup: DebtGroup;
}

/** The worse of the DPD group and the restructuring group (before the cross-loan rule). */
export function loanGroup(policy: ClassificationPolicy, loan: { readonly dpd: number; readonly restructuringCount: number }): LoanGroup {
  const { dpd, restructuringCount } = loan;
  const byDpd = dpdGroup(policy, dpd);
  const byRestructuring = restructuringGroup(policy, restructuringCount, dpd);
  return byRestructuring > byDpd
    ? { group: byRestructuring, reason: 'RESTRUCTURING', dpdGroup: byDpd, restructuringGroup: byRestructuring }
    : { group: byDpd, reason: 'DPD', dpdGroup: byDpd, restructuringGroup: byRestructuring };
}

export interface CrossLoanInput {
  readonly loanId: string;
  readonly borrowerId: string;
  /** The loan's own group (loanGroup().group). */
  readonly group: DebtGroup;
  /** The loan's own reason; DPD when not given. */
  readonly reason?: GroupReason;
}

export interface CrossLoanResult {
  readonly loanId: string;
  readonly borrowerId: string;
  readonly ownGroup: DebtGroup;
  readonly group: DebtGroup;
  readonly reason: GroupReason;
  /** The loan whose group was taken (the first, in input order, of the borrower's worst loans); null if not raised. */
  readonly raisedByLoanId: string | null;
}

/**
 * Cross-loan rule: every loan of a borrower takes the borrower's worst group. A loan raised by it
 * gets reason CROSS_LOAN; a loan already at the worst group keeps its own reason. Output order =
 * input order.
 */
export function applyCrossLoanRule(loans: readonly CrossLoanInput[]): CrossLoanResult[] {
  const worst = new Map<string, CrossLoanInput>();
  for (const loan of loans) {
    const seen = worst.get(loan.borrowerId);
    if (seen === undefined || loan.group > seen.group) worst.set(loan.borrowerId, loan);
  }
  return loans.map((loan) => {
    const top = worst.get(loan.borrowerId) ?? loan;
    const raised = top.group > loan.group;
    return {
      loanId: loan.loanId,
      borrowerId: loan.borrowerId,
      ownGroup: loan.group,
      group: raised ? top.group : loan.group,
      reason: raised ? 'CROSS_LOAN' : (loan.reason ?? 'DPD'),
      raisedByLoanId: raised ? top.loanId : null,
    };
  });
}

export interface GroupChange {
  readonly loanId: string;
  readonly date: LocalDate;
  /** null for a loan classified for the first time. */
  readonly fromGroup: DebtGroup | null;
  readonly toGroup: DebtGroup;
  readonly reason: GroupReason;
}

/**
 * The changes to store for `date`: each loan whose group differs from its previous one (or that
 * has none yet), with the reason for its new group. Unchanged loans produce nothing.
 */
export function groupChanges(
  previous: ReadonlyMap<string, DebtGroup>,
  current: readonly Pick<CrossLoanResult, 'loanId' | 'group' | 'reason'>[],
  date: LocalDate,
): GroupChange[] {
  const out: GroupChange[] = [];
  for (const c of current) {
    const before = previous.get(c.loanId);
    if (before !== c.group) out.push({ loanId: c.loanId, date, fromGroup: before ?? null, toGroup: c.group, reason: c.reason });
  }
  return out;
}

/** Whether a group counts as bad debt (nợ xấu) under the policy. */
export function isBadDebt(policy: ClassificationPolicy, group: DebtGroup): boolean {
  return policy.badDebtGroups.includes(group);
}
