import { Money, ZERO, sum } from '../../../platform/money/money.js';
import type { AccountPurpose } from './accounts.js';

/** One line of a journal transaction: debit positive, credit negative. */
export interface JournalLine {
  account: AccountPurpose;
  amount: Money;
  capitalSourceId?: string | null;
  loanId?: string | null;
}

export function debit(account: AccountPurpose, amount: Money, dims: Pick<JournalLine, 'capitalSourceId' | 'loanId'> = {}): JournalLine {
  return { account, amount, ...dims };
}

export function credit(account: AccountPurpose, amount: Money, dims: Pick<JournalLine, 'capitalSourceId' | 'loanId'> = {}): JournalLine {
  return { account, amount: amount.neg(), ...dims };
}

/** Drops zero lines; a transaction keeps only movements. */
export function nonZero(lines: readonly JournalLine[]): JournalLine[] {
  return lines.filter((l) => !l.amount.isZero());
}

/** Double entry: the lines of one transaction sum to zero, and every amount is whole VND. */
export function assertBalanced(lines: readonly JournalLine[]): void {
  const total = sum(lines.map((l) => l.amount));
  if (!total.eq(ZERO)) throw new Error(`unbalanced journal transaction: lines sum to ${total.toFixed()}`);
  for (const l of lines) {
    if (!l.amount.isInteger()) throw new Error(`journal amounts are whole VND: ${l.account} ${l.amount.toFixed()}`);
  }
}

/** Lines that undo a transaction. */
export function reversalOf(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((l) => ({ ...l, amount: new Money(l.amount).neg() }));
}
