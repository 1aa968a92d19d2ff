import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../platform/errors/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { FLOW_ENTRIES_SQL as ENTRIES, FLOW_SCOPE_SQL as IN_SCOPE, flowSumsSql } from '../../ledger/index.js';
import type { MonthlySeries, MonthlySeriesQueryDto } from '../dto/monthly-series.dto.js';
import { ReportErrors } from '../reports.errors.js';
import { AsOfService } from './as-of.service.js';
import { ReplicaReads } from '../../../platform/database/index.js';

/** A series longer than this is a mistake, not a chart (twenty years of months). */
export const MAX_SERIES_MONTHS = 240;

/**
 * Month-end outstanding and each month's flows for the portfolio charts, in one read of the
 * journal rather than one portfolio report per month-end. Outstanding is the loans' principal
 * receivable by value date (domain.md "Reports": the ledger is the book; the same figure the
 * portfolio report's reconstruction reads), the flows are the report's own definition
 * (ledger/services/loan-flow-sql.ts: disbursements, repayments and reversals valued in the month),
 * so a month's turnover here equals the portfolio report's turnover for that month.
 */
@Injectable()
export class MonthlySeriesService {
  constructor(
    private readonly replica: ReplicaReads,
    private readonly asOfs: AsOfService,
  ) {}

  async series(_actor: Actor, q: MonthlySeriesQueryDto): Promise<MonthlySeries> {
    const lastClosed = await this.asOfs.lastClosedDate();
    const to = q.to ?? lastClosed;
    const from = q.from ?? (await this.firstFlowDate()) ?? to;
    const months = monthsBetween(from, to);
    if (from > to || to > lastClosed || months > MAX_SERIES_MONTHS)
      throw new DomainError(ReportErrors['REPORT.INVALID_PERIOD'], { from, to, limit: lastClosed });
    const rows: Array<{ month: string; month_end: string; outstanding: string; turnover: string; principal: string; interest: string }> =
      await this.replica.query(
        `WITH months AS (
         SELECT generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month')::date AS month),
       opening AS (
         SELECT coalesce(sum(je.amount), 0) AS balance FROM journal_entries je
         WHERE je.loan_id IS NOT NULL AND je.account = 'PRINCIPAL_RECEIVABLE' AND je.value_date < date_trunc('month', $1::date)::date),
       principal AS (
         SELECT date_trunc('month', je.value_date)::date AS month, sum(je.amount) AS change FROM journal_entries je
         WHERE je.loan_id IS NOT NULL AND je.account = 'PRINCIPAL_RECEIVABLE' AND je.value_date BETWEEN date_trunc('month', $1::date)::date AND $2::date GROUP BY 1),
       flows AS (
         SELECT date_trunc('month', je.value_date)::date AS month, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')} FROM ${ENTRIES}
         WHERE ${IN_SCOPE} AND je.value_date BETWEEN date_trunc('month', $1::date)::date AND $2::date GROUP BY 1)
       SELECT to_char(m.month, 'YYYY-MM') AS month,
              to_char(least((m.month + interval '1 month' - interval '1 day')::date, $2::date), 'YYYY-MM-DD') AS month_end,
              (o.balance + sum(coalesce(p.change, 0)) OVER (ORDER BY m.month))::text AS outstanding,
              coalesce(f.flow_disbursed, 0)::text AS turnover,
              coalesce(f.flow_principal_collected, 0)::text AS principal,
              coalesce(f.flow_interest_collected, 0)::text AS interest
       FROM months m CROSS JOIN opening o LEFT JOIN principal p ON p.month = m.month LEFT JOIN flows f ON f.month = m.month
       ORDER BY m.month`,
        [from, to],
      );
    return {
      report: 'MONTHLY_SERIES',
      from: rows[0] ? `${rows[0].month}-01` : from,
      to,
      months: rows.map((r) => ({
        month: r.month,
        monthEnd: r.month_end,
        outstanding: r.outstanding,
        turnover: r.turnover,
        principalCollected: r.principal,
        interestCollected: r.interest,
      })),
    };
  }

  /** The value date of the first loan entry: the series starts in its month by default. */
  private async firstFlowDate(): Promise<string | null> {
    const [row] = (await this.replica.query(
      `SELECT to_char(min(je.value_date), 'YYYY-MM-DD') AS first FROM journal_entries je WHERE je.loan_id IS NOT NULL`,
    )) as Array<{ first: string | null }>;
    return row?.first ?? null;
  }
}

/** Calendar months the series spans, counting both ends (2025-01-31 → 2025-02-01 is 2). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  return (ty - fy) * 12 + (tm - fm) + 1;
}
