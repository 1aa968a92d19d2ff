import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlStatement } from '../../../platform/database/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { Money } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LedgerService, credit, debit, type JournalHeader, type JournalLine } from '../../ledger/index.js';
import { type AllocationComponent, type LoanState, earnedIncome } from '../domain/index.js';
import { addToFlowCountersSql } from '../engine-sql/flow-counters.sql.js';
import type { LoanRow } from './loan-store.repository.js';

/** A journal transaction not written yet: its header and balanced lines. */
export interface Posting {
  header: JournalHeader;
  lines: JournalLine[];
}

/**
 * How loan events become journal transactions (only LedgerService writes the journal):
 * - disbursement: Dr principal receivable / Cr cash of the capital source;
 * - repayment: Dr cash / Cr principal, interest and penalty receivables, by allocation;
 * - accrual catch-up: income earned to date (engine) minus income posted so far (loan row),
 *   posted before a repayment so the receivable it credits exists, and by the month-end close.
 */
@Injectable()
export class LoanPostings {
  constructor(private readonly ledger: LedgerService) {
    // The loans' flow counters are written in the statement of each flow posting (flow-counters.sql.ts).
    ledger.keepFlowCountersWith(addToFlowCountersSql);
  }

  disbursementPosting(row: LoanRow, amount: Money, valueDate: LocalDate, bookingDate: LocalDate, reference: string): Posting {
    const dims = { loanId: row.id, capitalSourceId: row.capital_source_id };
    return {
      header: {
        kind: 'DISBURSEMENT',
        valueDate,
        bookingDate,
        loanId: row.id,
        capitalSourceId: row.capital_source_id,
        description: `Giải ngân ${row.contract_number} (${reference})`,
      },
      lines: [debit('PRINCIPAL_RECEIVABLE', amount, dims), credit('CASH', amount, dims)],
    };
  }

  repaymentPosting(
    row: LoanRow,
    totals: Readonly<Record<AllocationComponent, Money>>,
    amount: Money,
    valueDate: LocalDate,
    bookingDate: LocalDate,
    reference: string,
  ): Posting {
    const dims = { loanId: row.id, capitalSourceId: row.capital_source_id };
    return {
      header: {
        kind: 'REPAYMENT',
        valueDate,
        bookingDate,
        loanId: row.id,
        capitalSourceId: row.capital_source_id,
        description: `Thu nợ ${row.contract_number} (${reference})`,
      },
      lines: [
        debit('CASH', amount, dims),
        credit('PRINCIPAL_RECEIVABLE', totals.PRINCIPAL.plus(totals.PREPAID_PRINCIPAL), dims),
        credit('INTEREST_RECEIVABLE', totals.INTEREST.plus(totals.ACCRUED_INTEREST), dims),
        credit('PENALTY_RECEIVABLE', totals.OVERDUE_PRINCIPAL_INTEREST.plus(totals.LATE_INTEREST), dims),
      ],
    };
  }

  /** Income earned to date (engine) minus income posted so far (`row`'s marks); null when nothing is pending. */
  accrualPosting(row: LoanRow, state: LoanState, valueDate: LocalDate, bookingDate: LocalDate): Posting | null {
    const earned = earnedIncome(state);
    const d = {
      interest: earned.interest.minus(row.interest_earned_posted),
      overdue: earned.overdueInterest.minus(row.overdue_interest_earned_posted),
      late: earned.lateInterest.minus(row.late_interest_earned_posted),
    };
    if (d.interest.isZero() && d.overdue.isZero() && d.late.isZero()) return null;
    const dims = { loanId: row.id, capitalSourceId: row.capital_source_id };
    return {
      header: {
        kind: 'ACCRUAL',
        valueDate,
        bookingDate,
        loanId: row.id,
        capitalSourceId: row.capital_source_id,
        description: `Dự thu lãi ${row.contract_number}`,
      },
      lines: [
        debit('INTEREST_RECEIVABLE', d.interest, dims),
        credit('INTEREST_INCOME', d.interest, dims),
        debit('PENALTY_RECEIVABLE', d.overdue.plus(d.late), dims),
        credit('OVERDUE_INTEREST_INCOME', d.overdue, dims),
        credit('LATE_INTEREST_INCOME', d.late, dims),
      ],
    };
  }

  /** The posting as CTEs of the caller's statement, with the reserved transaction id (LedgerService.postIn). */
  postIn(stmt: SqlStatement, name: string, actor: Actor, posting: Posting, id: string, flows: 'own' | 'merged' = 'own'): void {
    this.ledger.postIn(stmt, name, actor, posting.header, posting.lines, id, flows);
  }

  async disbursement(
    m: EntityManager,
    actor: Actor,
    row: LoanRow,
    amount: Money,
    valueDate: LocalDate,
    bookingDate: LocalDate,
    reference: string,
  ): Promise<string> {
    const p = this.disbursementPosting(row, amount, valueDate, bookingDate, reference);
    return this.ledger.post(m, actor, p.header, p.lines);
  }

  async repayment(
    m: EntityManager,
    actor: Actor,
    row: LoanRow,
    totals: Readonly<Record<AllocationComponent, Money>>,
    amount: Money,
    valueDate: LocalDate,
    bookingDate: LocalDate,
    reference: string,
  ): Promise<string> {
    const p = this.repaymentPosting(row, totals, amount, valueDate, bookingDate, reference);
    return this.ledger.post(m, actor, p.header, p.lines);
  }

  /** Income earned to date (engine) and the part not posted yet (loan row); null when nothing is pending. */
  pendingIncome(row: LoanRow, state: LoanState): { interest: string; overdue: string; late: string } | null {
    const earned = earnedIncome(state);
    const pending =
      !earned.interest.minus(row.interest_earned_posted).isZero() ||
      !earned.overdueInterest.minus(row.overdue_interest_earned_posted).isZero() ||
      !earned.lateInterest.minus(row.late_interest_earned_posted).isZero();
    return pending ? { interest: earned.interest.toFixed(), overdue: earned.overdueInterest.toFixed(), late: earned.lateInterest.toFixed() } : null;
  }

  /**
   * Posts income earned but not yet recognised, and records it on the loan row (unless the
   * caller already wrote the marks with the state: `marked`). `row` carries the marks before.
   */
  async accrualCatchUp(
    m: EntityManager,
    actor: Actor,
    row: LoanRow,
    state: LoanState,
    valueDate: LocalDate,
    bookingDate: LocalDate,
    marked = false,
  ): Promise<void> {
    const p = this.accrualPosting(row, state, valueDate, bookingDate);
    if (!p) return;
    await this.ledger.post(m, actor, p.header, p.lines);
    if (marked) return;
    const earned = earnedIncome(state);
    await m.query(`UPDATE loans SET interest_earned_posted = $2, overdue_interest_earned_posted = $3, late_interest_earned_posted = $4 WHERE id = $1`, [
      row.id,
      earned.interest.toFixed(),
      earned.overdueInterest.toFixed(),
      earned.lateInterest.toFixed(),
    ]);
  }

  async reverse(
    m: EntityManager,
    actor: Actor,
    transactionId: string,
    row: LoanRow,
    valueDate: LocalDate,
    bookingDate: LocalDate,
    reason: string,
  ): Promise<string> {
    return this.ledger.reverse(m, actor, transactionId, {
      kind: 'REPAYMENT_REVERSAL',
      valueDate,
      bookingDate,
      loanId: row.id,
      capitalSourceId: row.capital_source_id,
      description: `Đảo thu nợ ${row.contract_number}: ${reason}`,
    });
  }
}
