import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../platform/errors/index.js';
import { FRACTION_DECIMALS, Money, PERCENT_DECIMALS, formatFraction } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { CommunesService } from '../../reference/index.js';
import { SHARE_ROUNDING_METHOD, formatPercent, par, ratio, sharesOf } from '../domain/index.js';
import type { PortfolioQueryDto } from '../dto/report-query.dto.js';
import type { PortfolioFiguresDto, PortfolioReportDto, PortfolioRowDto, ShareMethodDto } from '../dto/report-views.dto.js';
import { ReportErrors } from '../reports.errors.js';
import { AsOfService } from './as-of.service.js';
import { type Dimension, dimensionColumns, dimensionJoins } from './dimensions.sql.js';
import { flowsCte } from './loan-flows.js';
import { ReplicaReads, SqlParams } from '../../../platform/database/index.js';
import { positionsCte } from '../../loans/index.js';

export const SHARE_METHOD: ShareMethodDto = {
  method: SHARE_ROUNDING_METHOD,
  decimals: PERCENT_DECIMALS,
  exactDecimals: FRACTION_DECIMALS,
  description:
    'Exact shares are amount ÷ total, rounded half-up to 6 decimal places (a fraction: "0.650000"). Displayed percentages are floored to one decimal and the missing tenths go to the largest remainders (ties: first row), so they sum to exactly 100.0.',
};

interface FigureRow {
  loan_count: number;
  borrower_count: number;
  outstanding_loan_count: number;
  outstanding_borrower_count: number;
  turnover: string;
  principal_collected: string;
  interest_collected: string;
  outstanding: string;
  overdue_principal: string;
  overdue_interest: string;
  penalty_interest: string;
  bad_debt: string;
  par30_amount: string;
  par90_amount: string;
  specific_provision: string;
  general_provision: string;
  is_total: boolean;
  [alias: string]: string | number | boolean | null;
}

/**
 * The portfolio report (domain.md "Reports the fund files and auditors ask for"): one
 * aggregate query over every loan's position as of D and its ledger flows in the period, grouped
 * by up to two dimensions with GROUPING SETS so the totals come from the same scan. Loans are
 * first summed per group and borrower (a hash aggregate), so the distinct borrower counts of the
 * groups and the total sort those few rows instead of every loan; the sums are exact either way.
 */
@Injectable()
export class PortfolioReportService {
  constructor(
    private readonly replica: ReplicaReads,
    private readonly asOfs: AsOfService,
    private readonly communes: CommunesService,
  ) {}

  async portfolio(_actor: Actor, q: PortfolioQueryDto): Promise<PortfolioReportDto> {
    const { asOf, lastClosed } = await this.asOfs.resolveDate(q.asOf);
    const to = q.to ?? asOf;
    const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
    if (from > to || to > lastClosed) throw new DomainError(ReportErrors['REPORT.INVALID_PERIOD'], { from, to, limit: lastClosed });
    const groupBy: Dimension[] = q.groupBy && q.groupBy.length > 0 ? q.groupBy : ['sector'];
    if (new Set(groupBy).size !== groupBy.length) throw new DomainError(ReportErrors['REPORT.GROUP_BY_TOO_MANY'], { actual: groupBy.join(',') });
    const [plan, flowPlan] = await Promise.all([this.asOfs.plan(asOf, lastClosed), this.asOfs.flowPlan(from, to, lastClosed)]);
    const p = new SqlParams();
    const cte = positionsCte(plan, p);
    const flows = flowsCte(flowPlan, p);
    const cols = dimensionColumns(groupBy);
    // JIT compiles this many-column aggregate for ~0.7 s at 100k loans (EXPLAIN ANALYZE) and saves
    // less than that: off for this transaction only.
    const rows: FigureRow[] = await this.replica.transaction(async (m) => {
      await m.query(`SET LOCAL jit = off`);
      return m.query(portfolioSql(`${cte}, ${flows}`, groupBy), p.values);
    });
    const groups = rows.filter((r) => !r.is_total);
    const total = rows.find((r) => r.is_total);
    const outShares = sharesOf(groups.map((r) => new Money(r.outstanding)));
    const turnShares = sharesOf(groups.map((r) => new Money(r.turnover)));
    const share = (s: (typeof outShares)[number]): { exact: string; display: string } => ({
      exact: formatFraction(s.share),
      display: formatPercent(s.displayPercent),
    });
    return {
      report: 'PORTFOLIO',
      asOf,
      from,
      to,
      source: plan.source,
      groupBy,
      policy: plan.policy.code,
      shareMethod: SHARE_METHOD,
      rows: groups.map((r, i): PortfolioRowDto => ({
        keys: Object.fromEntries(
          groupBy.map((dim, di) => [
            dim,
            this.withNames(
              dim,
              Object.fromEntries(cols.filter((c) => c.alias.startsWith(`d${di}_`)).map((c) => [c.name, r[c.alias] === null ? null : String(r[c.alias])])),
            ),
          ]),
        ),
        ...figures(r),
        shareOfOutstanding: share(outShares[i]),
        shareOfTurnover: share(turnShares[i]),
      })),
      totals: total ? figures(total) : figures(EMPTY),
    };
  }

  /** A commune group carries its 2025 name (the reference file, not a table): readers see names, not bare codes. */
  private withNames(dim: Dimension, key: Record<string, string | null>): Record<string, string | null> {
    if (dim !== 'commune' || key.code === null) return key;
    const commune = this.communes.find(key.code);
    return { ...key, nameVi: commune?.nameVi ?? null, nameEn: commune?.nameEn ?? null };
  }
}

/**
 * The money figures summed per group. The grand-total grouping set () yields its row even over no
 * loans at all (a date before the first loan; the last closed day when every loan started on the
 * open day, as before a new fund's first close), where SUM is NULL: a sum over nothing is zero.
 */
const SUMMED = [
  'turnover',
  'principal_collected',
  'interest_collected',
  'outstanding',
  'overdue_principal',
  'overdue_interest',
  'penalty_interest',
  'bad_debt',
  'par30_amount',
  'par90_amount',
  'specific_provision',
  'general_provision',
] as const;

/** The report's aggregate over `ctes` (ending in `pos` and `flows`), grouped by `groupBy` with a total row. */
export function portfolioSql(ctes: string, groupBy: readonly Dimension[]): string {
  const cols = dimensionColumns(groupBy);
  const aliases = cols.map((c) => `"${c.alias}"`).join(', ');
  return `WITH ${ctes}, base AS (
         SELECT l.id, l.borrower_id, ${cols.map((c) => `${c.sql} AS "${c.alias}"`).join(', ')},
                coalesce(pos.outstanding, 0) AS outstanding, coalesce(pos.overdue_principal, 0) AS overdue_principal,
                coalesce(pos.overdue_interest, 0) AS overdue_interest, coalesce(pos.penalty_interest, 0) AS penalty_interest,
                coalesce(pos.dpd, 0) AS dpd, coalesce(pos.bad, false) AS bad,
                coalesce(pos.specific_provision, 0) AS specific_provision, coalesce(pos.general_provision, 0) AS general_provision,
                coalesce(fl.turnover, 0) AS turnover, coalesce(fl.principal_collected, 0) AS principal_collected, coalesce(fl.interest_collected, 0) AS interest_collected
         FROM loans l ${dimensionJoins(groupBy)}
         LEFT JOIN pos ON pos.loan_id = l.id LEFT JOIN flows fl ON fl.loan_id = l.id
         WHERE pos.loan_id IS NOT NULL OR fl.loan_id IS NOT NULL
       ), per_borrower AS (
         SELECT ${aliases}, borrower_id,
                count(*) FILTER (WHERE turnover > 0) AS loan_count, count(*) FILTER (WHERE outstanding > 0) AS outstanding_loan_count,
                sum(turnover) AS turnover, sum(principal_collected) AS principal_collected, sum(interest_collected) AS interest_collected,
                sum(outstanding) AS outstanding, sum(overdue_principal) AS overdue_principal, sum(overdue_interest) AS overdue_interest,
                sum(penalty_interest) AS penalty_interest, sum(outstanding) FILTER (WHERE bad) AS bad_debt,
                sum(outstanding) FILTER (WHERE dpd >= 30) AS par30_amount, sum(outstanding) FILTER (WHERE dpd >= 90) AS par90_amount,
                sum(specific_provision) AS specific_provision, sum(general_provision) AS general_provision
         FROM base GROUP BY ${aliases}, borrower_id
       )
       SELECT ${aliases}, GROUPING(${aliases}) <> 0 AS is_total,
              coalesce(sum(loan_count), 0)::int AS loan_count,
              count(DISTINCT borrower_id) FILTER (WHERE loan_count > 0)::int AS borrower_count,
              coalesce(sum(outstanding_loan_count), 0)::int AS outstanding_loan_count,
              count(DISTINCT borrower_id) FILTER (WHERE outstanding_loan_count > 0)::int AS outstanding_borrower_count,
              ${SUMMED.map((c) => `coalesce(sum(${c}), 0)::text AS ${c}`).join(', ')}
       FROM per_borrower GROUP BY GROUPING SETS ((${aliases}), ())
       ORDER BY is_total, ${aliases}`;
}

const EMPTY: FigureRow = {
  loan_count: 0,
  borrower_count: 0,
  outstanding_loan_count: 0,
  outstanding_borrower_count: 0,
  turnover: '0',
  principal_collected: '0',
  interest_collected: '0',
  outstanding: '0',
  overdue_principal: '0',
  overdue_interest: '0',
  penalty_interest: '0',
  bad_debt: '0',
  par30_amount: '0',
  par90_amount: '0',
  specific_provision: '0',
  general_provision: '0',
  is_total: true,
};

function figures(r: FigureRow): PortfolioFiguresDto {
  const outstanding = new Money(r.outstanding);
  return {
    loanCount: r.loan_count,
    borrowerCount: r.borrower_count,
    outstandingLoanCount: r.outstanding_loan_count,
    outstandingBorrowerCount: r.outstanding_borrower_count,
    turnover: r.turnover,
    principalCollected: r.principal_collected,
    interestCollected: r.interest_collected,
    outstanding: r.outstanding,
    overduePrincipal: r.overdue_principal,
    overdueInterest: r.overdue_interest,
    penaltyInterest: r.penalty_interest,
    badDebt: r.bad_debt,
    badDebtRatio: formatFraction(ratio(new Money(r.bad_debt), outstanding)),
    par30: formatFraction(par(new Money(r.par30_amount), outstanding)),
    par90: formatFraction(par(new Money(r.par90_amount), outstanding)),
    specificProvision: r.specific_provision,
    generalProvision: r.general_provision,
  };
}
