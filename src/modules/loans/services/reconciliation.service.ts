import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FLOW_ENTRIES_SQL, FLOW_SCOPE_SQL, LedgerService, flowSumsSql } from '../../ledger/index.js';

export interface ReconciliationRow {
  loanId: string;
  contractNumber: string;
  account: string;
  cached: string;
  ledger: string;
}

export interface ReconciliationResult {
  loansChecked: number;
  mismatches: ReconciliationRow[];
  unbalancedTransactions: string[];
}

/**
 * design.md: balances cached on the loan row are a cache of the ledger; this proves they
 * agree. Per loan: principal receivable = outstanding principal; interest receivable =
 * interest posted − interest collected; penalty receivable = penalties posted − collected.
 * One set-based query over loans, installments and journal entries.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async run(): Promise<ReconciliationResult> {
    const rows: Array<{ loan_id: string; contract_number: string; account: string; cached: string; ledger: string }> = await this.dataSource.query(
      `WITH paid AS (
         SELECT loan_id, sum(interest_paid) AS interest, sum(overdue_interest_paid + late_interest_paid) AS penalty
         FROM loan_installments WHERE NOT superseded GROUP BY loan_id
       ), led AS (
         SELECT loan_id,
                sum(amount) FILTER (WHERE account = 'PRINCIPAL_RECEIVABLE') AS principal,
                sum(amount) FILTER (WHERE account = 'INTEREST_RECEIVABLE') AS interest,
                sum(amount) FILTER (WHERE account = 'PENALTY_RECEIVABLE') AS penalty
         FROM journal_entries WHERE loan_id IS NOT NULL GROUP BY loan_id
       ), cmp AS (
         SELECT l.id AS loan_id, l.contract_number,
                CASE WHEN l.status = 'WRITTEN_OFF' THEN 0 ELSE l.outstanding_principal END AS c_principal,
                coalesce(led.principal, 0) AS l_principal,
                l.interest_earned_posted - coalesce(paid.interest, 0) - l.period_interest_paid AS c_interest,
                coalesce(led.interest, 0) AS l_interest,
                l.overdue_interest_earned_posted + l.late_interest_earned_posted - coalesce(paid.penalty, 0) AS c_penalty,
                coalesce(led.penalty, 0) AS l_penalty
         FROM loans l LEFT JOIN paid ON paid.loan_id = l.id LEFT JOIN led ON led.loan_id = l.id
         WHERE l.status <> 'WRITTEN_OFF'
       )
       SELECT loan_id::text, contract_number, 'PRINCIPAL_RECEIVABLE' AS account, c_principal::text AS cached, l_principal::text AS ledger FROM cmp WHERE c_principal <> l_principal
       UNION ALL
       SELECT loan_id::text, contract_number, 'INTEREST_RECEIVABLE', c_interest::text, l_interest::text FROM cmp WHERE c_interest <> l_interest
       UNION ALL
       SELECT loan_id::text, contract_number, 'PENALTY_RECEIVABLE', c_penalty::text, l_penalty::text FROM cmp WHERE c_penalty <> l_penalty
       ORDER BY 1 LIMIT 1000`,
    );
    rows.push(...(await this.writtenOff()));
    rows.push(...(await this.flowCounters()));
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>;
    return {
      loansChecked: n,
      mismatches: rows.map((r) => ({ loanId: r.loan_id, contractNumber: r.contract_number, account: r.account, cached: r.cached, ledger: r.ledger })),
      unbalancedTransactions: await this.ledger.unbalancedTransactions(),
    };
  }

  /**
   * The loan's cumulative flow counters (kept by LedgerService for the portfolio report's turnover
   * and collections) against the journal, with the same definition (loan-flow-sql.ts), so a
   * posting path that bypassed them shows up as a drift.
   */
  private async flowCounters(): Promise<Array<{ loan_id: string; contract_number: string; account: string; cached: string; ledger: string }>> {
    return this.dataSource.query(
      `WITH led AS (
         SELECT je.loan_id, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')}, min(je.value_date) AS first, max(je.value_date) AS last
         FROM ${FLOW_ENTRIES_SQL} WHERE ${FLOW_SCOPE_SQL}
         GROUP BY je.loan_id
       )
       SELECT l.id::text AS loan_id, l.contract_number, 'FLOW ' || x.counter AS account, x.cached, x.ledger
       FROM loans l LEFT JOIN led ON led.loan_id = l.id
       CROSS JOIN LATERAL (VALUES
         ('flow_disbursed', l.flow_disbursed::text, coalesce(led.flow_disbursed, 0)::text),
         ('flow_principal_collected', l.flow_principal_collected::text, coalesce(led.flow_principal_collected, 0)::text),
         ('flow_interest_collected', l.flow_interest_collected::text, coalesce(led.flow_interest_collected, 0)::text),
         ('flow_entries', l.flow_entries::text, coalesce(led.flow_entries, 0)::text),
         ('flow_first_value_date', coalesce(l.flow_first_value_date::text, '-'), coalesce(led.first::text, '-')),
         ('flow_last_value_date', coalesce(l.flow_last_value_date::text, '-'), coalesce(led.last::text, '-'))) AS x(counter, cached, ledger)
       WHERE x.cached <> x.ledger
       ORDER BY 1 LIMIT 1000`,
    );
  }

  /**
   * Written-off loans (domain.md "Restructuring and risk", Decree 45 Art. 28): nothing is left in
   * the receivables, and the off-balance register (WRITTEN_OFF_DEBT) per loan equals what is left
   * to recover = written off − recoveries, both as cached on the write-off and as summed from them.
   */
  private async writtenOff(): Promise<Array<{ loan_id: string; contract_number: string; account: string; cached: string; ledger: string }>> {
    return this.dataSource.query(
      `WITH w AS (
         SELECT w.loan_id, w.remaining, w.total - coalesce((SELECT sum(r.amount) FROM loan_recoveries r WHERE r.write_off_id = w.id), 0) AS left_to_recover
         FROM loan_write_offs w WHERE w.status = 'APPROVED'
       ), led AS (
         SELECT e.loan_id, e.account, sum(e.amount) AS balance FROM journal_entries e JOIN w ON w.loan_id = e.loan_id
         WHERE e.account IN ('PRINCIPAL_RECEIVABLE', 'INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE', 'WRITTEN_OFF_DEBT') GROUP BY e.loan_id, e.account
       ), cmp AS (
         SELECT l.id AS loan_id, l.contract_number, a.account,
                CASE WHEN a.account = 'WRITTEN_OFF_DEBT' THEN w.remaining ELSE 0 END AS cached,
                coalesce(led.balance, 0) AS ledger, w.left_to_recover, w.remaining
         FROM loans l JOIN w ON w.loan_id = l.id
         CROSS JOIN (VALUES ('PRINCIPAL_RECEIVABLE'), ('INTEREST_RECEIVABLE'), ('PENALTY_RECEIVABLE'), ('WRITTEN_OFF_DEBT')) AS a(account)
         LEFT JOIN led ON led.loan_id = l.id AND led.account = a.account
         WHERE l.status = 'WRITTEN_OFF'
       )
       SELECT loan_id::text, contract_number, account, cached::text, ledger::text FROM cmp WHERE cached <> ledger
       UNION ALL
       SELECT loan_id::text, contract_number, 'WRITTEN_OFF_DEBT (recoveries)', remaining::text, left_to_recover::text FROM cmp
       WHERE account = 'WRITTEN_OFF_DEBT' AND remaining <> left_to_recover
       ORDER BY 1 LIMIT 1000`,
    );
  }
}
