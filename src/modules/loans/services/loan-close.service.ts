import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, isEndOfMonth, type LocalDate } from '../../../platform/dates/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LedgerService } from '../../ledger/index.js';
import type { PolicySqlParams } from '../../risk/index.js';
import * as sql from '../engine-sql/close-chunk.sql.js';

/** One chunk of the close of day `date`: the ACTIVE loans of borrowers in [from, to) (to = null: no bound). */
export interface LoanCloseRange {
  date: LocalDate;
  chunkNo: number;
  from: string;
  to: string | null;
}

export interface LoanCloseResult {
  /** The ACTIVE loans locked and closed through the date. */
  loans: number;
  /** How many of them were behind (a missed day before the date). */
  behind: number;
}

/**
 * The loans' side of the close of business (domain.md "Close of business"): the set-based
 * rendition of the engine (engine-sql/close-chunk.sql.ts) run over one chunk, in the caller's
 * transaction. Only the loans module writes `loans`, `loan_installments`, `loan_group_history` and
 * `loan_snapshots`; the close module orchestrates chunks, runs and the business date around this.
 */
@Injectable()
export class LoanCloseService {
  constructor(private readonly ledger: LedgerService) {}

  /**
   * Locks the range's ACTIVE loans; for each day the loans still lack up to D (normally just D;
   * missed days one by one, in order): bill what is due, accrue the day; then days past due,
   * classification with the cross-loan rule under `policy` (risk policySqlParams of the policy in
   * force on D), provisions; at a month-end the income catch-up and provision postings to the
   * ledger and the loan snapshots. A retry after a crash finds the loans closed through D and
   * accrues nothing again.
   */
  async closeChunk(m: EntityManager, actor: Actor, job: LoanCloseRange, policy: PolicySqlParams): Promise<LoanCloseResult> {
    const range = [job.from, job.to];
    const locked = (await m.query(sql.LOCK_LOANS, range)) as Array<{ id: string; last_closed_date: string }>;
    const ids = locked.map((l) => l.id);
    const behind = locked.map((l) => l.last_closed_date).filter((d) => d < job.date);
    const first =
      behind.length > 0
        ? addDays(
            behind.reduce((a, b) => (a < b ? a : b)),
            1,
          )
        : null;
    // The last day's loan-level billing and accrual are part of the one loan write in closeLoans.
    await m.query(sql.CLOSE_BILLED_TABLE);
    for (let day = first; day !== null && day <= job.date; day = addDays(day, 1)) await this.closeDay(m, ids, day, day < job.date);
    await this.closeLoans(m, actor, ids, job, policy);
    return { loans: ids.length, behind: behind.length };
  }

  /**
   * Chunks by borrower id so the cross-loan rule sees each borrower whole; k = chunk of a
   * borrower's first loan in the running count of ACTIVE loans ordered by borrower. Each group:
   * its first borrower id and its ACTIVE loans.
   */
  async chunkGroups(m: EntityManager, chunkSize: number): Promise<Array<{ borrower_from: string; loans: number }>> {
    return (await m.query(
      `WITH b AS (SELECT borrower_id, count(*)::int AS n FROM loans WHERE status = 'ACTIVE' GROUP BY borrower_id),
            c AS (SELECT borrower_id, n, (sum(n) OVER (ORDER BY borrower_id) - n) / $1 AS k FROM b)
       SELECT min(borrower_id)::text AS borrower_from, sum(n)::int AS loans FROM c GROUP BY k ORDER BY k`,
      [chunkSize],
    )) as Array<{ borrower_from: string; loans: number }>;
  }

  /** The borrowers with an ACTIVE loan not closed through D − 1 (disbursed into a range whose chunk had already run). */
  async borrowersBehind(m: EntityManager, date: LocalDate): Promise<string[]> {
    const rows = (await m.query(`SELECT DISTINCT borrower_id::text AS b FROM loans WHERE status = 'ACTIVE' AND last_closed_date < $1`, [date])) as Array<{
      b: string;
    }>;
    return rows.map((r) => r.b);
  }

  /**
   * billDueOn then accrueDays(1) for the loans not yet closed for `day` (engine order: bill, then
   * accrue). A missed day before the last: statement by statement, with the loans' own billing and
   * accrual. The last day: the installments in one write each (BILL_ACCRUE_LAST, which notes the
   * loans billed in close_billed); the loans' billing and accrual are CLOSE_CALC's.
   */
  private async closeDay(m: EntityManager, ids: string[], day: LocalDate, missed: boolean): Promise<void> {
    const statements = missed ? [sql.BILL_INTEREST, sql.BILL_REST, sql.ACCRUE_INSTALLMENTS, sql.ACCRUE_LOANS] : [sql.BILL_ACCRUE_LAST];
    for (const statement of statements) await m.query(statement, [ids, day]);
  }

  /**
   * The last day's accrual, days past due, classification with the cross-loan rule and provisions,
   * computed once over the chunk's installments (CLOSE_CALC); at a month-end the income catch-up and
   * provision postings are selected from those figures; then each loan row is written once
   * (CLOSE_APPLY), and at a month-end the loan snapshots are taken: the chunk's ACTIVE loans from
   * the same figures (SNAPSHOT_ACTIVE), the range's WRITTEN_OFF and lately CLOSED loans from their rows.
   */
  private async closeLoans(m: EntityManager, actor: Actor, ids: string[], job: LoanCloseRange, p: PolicySqlParams): Promise<void> {
    const monthEnd = isEndOfMonth(job.date);
    await m.query(sql.CLOSE_CALC, [
      ids,
      job.date,
      p.dpdMin,
      p.dpdGroup,
      p.rsCount,
      p.rsDpd,
      p.rsGroup,
      p.specificRates,
      p.generalRate,
      p.generalGroups,
      p.deductCollateral,
      monthEnd,
    ]);
    await m.query(sql.GROUP_HISTORY, [job.date]);
    await m.query(sql.RELEASE_CLOSED, [job.from, job.to]);
    const provisionsPosted = monthEnd ? await this.monthEndPostings(m, actor, job) : false;
    await m.query(sql.CLOSE_APPLY, [monthEnd]);
    if (monthEnd) await m.query(sql.SNAPSHOT_ACTIVE, [job.date]);
    await m.query(`DROP TABLE close_calc, close_billed`);
    if (provisionsPosted) await m.query(sql.PROVISION_MARK_POSTED_CLOSED, [job.from, job.to]);
    if (monthEnd) await m.query(sql.SNAPSHOT_OTHERS, [job.from, job.to, job.date, ids]);
  }

  /**
   * design.md: accruals may be posted in month-end batches as long as the ledger agrees at each
   * month-end; provisions are posted as balances adjusted at each month-end. One journal
   * transaction per kind and chunk: receivable and provision lines per loan, the income side pooled per
   * capital source (INCOME_LINES). Returns whether provisions were posted.
   */
  private async monthEndPostings(m: EntityManager, actor: Actor, job: LoanCloseRange): Promise<boolean> {
    const header = { valueDate: job.date, bookingDate: job.date };
    const [income] = (await m.query(sql.INCOME_PENDING)) as Array<{ n: number }>;
    if (income.n > 0) {
      await this.ledger.postSelect(
        m,
        actor,
        { ...header, kind: 'ACCRUAL', description: `Dự thu lãi cuối tháng ${job.date} (chốt ngày, lô ${job.chunkNo})` },
        sql.INCOME_LINES,
        [],
      );
    }
    const range = [job.from, job.to];
    const [provision] = (await m.query(sql.PROVISION_PENDING, range)) as Array<{ n: number }>;
    if (provision.n > 0) {
      await this.ledger.postSelect(
        m,
        actor,
        { ...header, kind: 'PROVISION', description: `Dự phòng rủi ro cuối tháng ${job.date} (lô ${job.chunkNo})` },
        sql.PROVISION_LINES,
        range,
      );
    }
    return provision.n > 0;
  }
}
