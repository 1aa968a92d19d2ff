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
import { type Dimension, dimensionColumns } from './dimensions.sql.js';
import { flowsCte } from './loan-flows.js';
import { keptPortfolioSql, portfolioSql } from './portfolio.sql.js';
import { PortfolioTotalsService, keptPeriodStart } from './portfolio-totals.service.js';
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

/** How a report is read: the kept totals when they answer it, else per loan (`auto`); the check forces one. */
export type PortfolioReading = 'auto' | 'kept' | 'perLoan';

/**
 * The portfolio report (domain.md "Reports the fund files and auditors ask for"): one
 * aggregate query grouped by up to two dimensions with GROUPING SETS so the totals come from the
 * same scan (portfolio.sql.ts). For the default period (the year to date of D) of a closed day
 * whose totals the close kept and nothing booked since changed, it reads those rows; otherwise
 * every loan's position as of D and its ledger flows in the period. Both give the same answer,
 * byte for byte: the bench's reconciliation and test/reports compare them on every dimension.
 */
@Injectable()
export class PortfolioReportService {
  constructor(
    private readonly replica: ReplicaReads,
    private readonly asOfs: AsOfService,
    private readonly communes: CommunesService,
    private readonly totals: PortfolioTotalsService,
  ) {}

  async portfolio(actor: Actor, q: PortfolioQueryDto): Promise<PortfolioReportDto> {
    return (await this.read(actor, q, 'auto')).report;
  }

  /** The report and whether the kept totals gave it; `kept` fails when they cannot answer. */
  async read(_actor: Actor, q: PortfolioQueryDto, reading: PortfolioReading): Promise<{ report: PortfolioReportDto; kept: boolean }> {
    const { asOf, lastClosed } = await this.asOfs.resolveDate(q.asOf);
    const to = q.to ?? asOf;
    const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
    if (from > to || to > lastClosed) throw new DomainError(ReportErrors['REPORT.INVALID_PERIOD'], { from, to, limit: lastClosed });
    const groupBy: Dimension[] = q.groupBy && q.groupBy.length > 0 ? q.groupBy : ['sector'];
    if (new Set(groupBy).size !== groupBy.length) throw new DomainError(ReportErrors['REPORT.GROUP_BY_TOO_MANY'], { actual: groupBy.join(',') });
    // The kept totals hold the year to date of D: they answer the default period of a kept day.
    const keptPeriod = to === asOf && from === keptPeriodStart(asOf);
    const kept = reading !== 'perLoan' && keptPeriod && (await this.totals.validFor(asOf));
    if (reading === 'kept' && !kept) throw new Error(`no valid kept totals answer asOf ${asOf}, from ${from}, to ${to}`);
    let plan: { source: string; policy: { code: string } };
    let rows: FigureRow[];
    if (kept) {
      plan = await this.asOfs.sourceAndPolicy(asOf, lastClosed);
      const p = new SqlParams();
      rows = await this.replica.query(keptPortfolioSql(p.add(asOf), groupBy), p.values);
    } else {
      const [positions, flowPlan] = await Promise.all([this.asOfs.plan(asOf, lastClosed), this.asOfs.flowPlan(from, to, lastClosed)]);
      plan = positions;
      const p = new SqlParams();
      const cte = positionsCte(positions, p);
      const flows = flowsCte(flowPlan, p);
      // JIT compiles this many-column aggregate for ~0.7 s at 100k loans (EXPLAIN ANALYZE) and saves
      // less than that: off for this transaction only.
      rows = await this.replica.transaction(async (m) => {
        await m.query(`SET LOCAL jit = off`);
        return m.query(portfolioSql(`${cte}, ${flows}`, groupBy), p.values);
      });
    }
    const cols = dimensionColumns(groupBy);
    const groups = rows.filter((r) => !r.is_total);
    const total = rows.find((r) => r.is_total);
    const outShares = sharesOf(groups.map((r) => new Money(r.outstanding)));
    const turnShares = sharesOf(groups.map((r) => new Money(r.turnover)));
    const share = (s: (typeof outShares)[number]): { exact: string; display: string } => ({
      exact: formatFraction(s.share),
      display: formatPercent(s.displayPercent),
    });
    const report: PortfolioReportDto = {
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
    return { report, kept };
  }

  /** A commune group carries its 2025 name (the reference file, not a table): readers see names, not bare codes. */
  private withNames(dim: Dimension, key: Record<string, string | null>): Record<string, string | null> {
    if (dim !== 'commune' || key.code === null) return key;
    const commune = this.communes.find(key.code);
    return { ...key, nameVi: commune?.nameVi ?? null, nameEn: commune?.nameEn ?? null };
  }
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
