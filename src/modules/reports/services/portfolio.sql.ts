import { type Dimension, KEPT_KEYS, dimensionColumns, dimensionJoins } from './dimensions.sql.js';

/**
 * The portfolio report's SQL (domain.md "Reports the fund files and auditors ask for"), read two
 * ways that give the same rows: per loan (every loan's position as of D from the loans'
 * positionsCte and its flows in the period, loan-flows.ts), or from the totals kept by the close
 * of D (portfolio_totals: the same per-loan rows summed once per dimension combination and
 * borrower, by the same expressions, PER_BORROWER below). Either way the groups are summed from
 * per-borrower rows, so distinct borrower counts are exact, and the total comes from the same scan.
 */

/**
 * The money figures summed per group. The grand-total grouping set () yields its row even over no
 * loans at all (a date before the first loan; the last closed day when every loan started on the
 * open day, as before a new fund's first close), where SUM is NULL: a sum over nothing is zero.
 */
export const SUMMED = [
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

/** One loan's figures summed per group and borrower, over `base` (one row per loan): the one rendition of what each figure counts. */
const PER_BORROWER = `count(*) FILTER (WHERE turnover > 0) AS loan_count, count(*) FILTER (WHERE outstanding > 0) AS outstanding_loan_count,
                sum(turnover) AS turnover, sum(principal_collected) AS principal_collected, sum(interest_collected) AS interest_collected,
                sum(outstanding) AS outstanding, sum(overdue_principal) AS overdue_principal, sum(overdue_interest) AS overdue_interest,
                sum(penalty_interest) AS penalty_interest, sum(outstanding) FILTER (WHERE bad) AS bad_debt,
                sum(outstanding) FILTER (WHERE dpd >= 30) AS par30_amount, sum(outstanding) FILTER (WHERE dpd >= 90) AS par90_amount,
                sum(specific_provision) AS specific_provision, sum(general_provision) AS general_provision`;
const PER_BORROWER_COLUMNS = ['loan_count', 'outstanding_loan_count', ...SUMMED] as const;

/** One row per loan with a position as of D (`pos`) or a flow in the period (`flows`), with the columns `cols`. */
function baseCte(cols: readonly { alias: string; sql: string }[], joins: string): string {
  return `base AS (
         SELECT l.id, l.borrower_id, ${cols.map((c) => `${c.sql} AS "${c.alias}"`).join(', ')},
                coalesce(pos.outstanding, 0) AS outstanding, coalesce(pos.overdue_principal, 0) AS overdue_principal,
                coalesce(pos.overdue_interest, 0) AS overdue_interest, coalesce(pos.penalty_interest, 0) AS penalty_interest,
                coalesce(pos.dpd, 0) AS dpd, coalesce(pos.bad, false) AS bad,
                coalesce(pos.specific_provision, 0) AS specific_provision, coalesce(pos.general_provision, 0) AS general_provision,
                coalesce(fl.turnover, 0) AS turnover, coalesce(fl.principal_collected, 0) AS principal_collected, coalesce(fl.interest_collected, 0) AS interest_collected
         FROM loans l ${joins}
         LEFT JOIN pos ON pos.loan_id = l.id LEFT JOIN flows fl ON fl.loan_id = l.id
         WHERE pos.loan_id IS NOT NULL OR fl.loan_id IS NOT NULL
       )`;
}

/** The groups and the total over `per_borrower` (one row per group and borrower). */
function groupsSql(aliases: string): string {
  return `SELECT ${aliases}, GROUPING(${aliases}) <> 0 AS is_total,
              coalesce(sum(loan_count), 0)::int AS loan_count,
              count(DISTINCT borrower_id) FILTER (WHERE loan_count > 0)::int AS borrower_count,
              coalesce(sum(outstanding_loan_count), 0)::int AS outstanding_loan_count,
              count(DISTINCT borrower_id) FILTER (WHERE outstanding_loan_count > 0)::int AS outstanding_borrower_count,
              ${SUMMED.map((c) => `coalesce(sum(${c}), 0)::text AS ${c}`).join(', ')}
       FROM per_borrower GROUP BY GROUPING SETS ((${aliases}), ())
       ORDER BY is_total, ${aliases}`;
}

const aliasesOf = (cols: readonly { alias: string }[]): string => cols.map((c) => `"${c.alias}"`).join(', ');

/** The report per loan over `ctes` (ending in `pos` and `flows`), grouped by `groupBy` with a total row. */
export function portfolioSql(ctes: string, groupBy: readonly Dimension[]): string {
  const cols = dimensionColumns(groupBy);
  const aliases = aliasesOf(cols);
  return `WITH ${ctes}, ${baseCte(cols, dimensionJoins(groupBy))}, per_borrower AS (
         SELECT ${aliases}, borrower_id, ${PER_BORROWER}
         FROM base GROUP BY ${aliases}, borrower_id
       )
       ${groupsSql(aliases)}`;
}

/** The kept columns each dimension reads (its labels are joined from them; borrower dimensions from borrower_id). */
const KEPT_READS: Readonly<Record<Dimension, readonly string[]>> = {
  sector: ['sector_code', 'sector_version'],
  borrowerType: [],
  commune: [],
  capitalSource: ['capital_source_id'],
  termClass: ['term_class'],
  debtGroup: ['debt_group'],
  product: ['product_version_id'],
  origin: ['origin'],
};

/**
 * The same report from the totals kept for day `day` (a SqlParams placeholder): the kept rows are
 * first summed per borrower and the kept columns the dimensions read (a hash aggregate on ids and
 * codes), then labelled; a borrower whose rows fall in one group twice (two product versions of
 * one name) is counted once by the DISTINCT counts, and its sums add up, as per loan.
 */
export function keptPortfolioSql(day: string, groupBy: readonly Dimension[]): string {
  const cols = dimensionColumns(groupBy, true);
  const aliases = aliasesOf(cols);
  const reads = ['borrower_id', ...new Set(groupBy.flatMap((d) => KEPT_READS[d]))];
  return `WITH kb AS (
         SELECT ${reads.map((c) => `k.${c}`).join(', ')}, ${PER_BORROWER_COLUMNS.map((c) => `sum(k.${c}) AS ${c}`).join(', ')}
         FROM portfolio_totals k WHERE k.kept_date = ${day}::date
         GROUP BY ${reads.map((c) => `k.${c}`).join(', ')}
       ), per_borrower AS (
         SELECT ${cols.map((c) => `${c.sql} AS "${c.alias}"`).join(', ')}, l.borrower_id, ${PER_BORROWER_COLUMNS.map((c) => `l.${c}`).join(', ')}
         FROM kb l ${dimensionJoins(groupBy)}
       )
       ${groupsSql(aliases)}`;
}

const KEYS = Object.keys(KEPT_KEYS);
export const KEPT_COLUMNS = [...KEYS, 'loans', ...PER_BORROWER_COLUMNS] as const;

/**
 * The kept totals of day `day` over `ctes` (ending in `pos` and `flows`, the positions as of the
 * day and the flows of its year to date): the per-loan rows of the report summed once per
 * combination of every dimension's key and borrower. `loans` counts the loans behind a row.
 */
export function keepTotalsSql(ctes: string, day: string): string {
  const keyCols = KEYS.map((k) => ({ alias: `k_${k}`, sql: KEPT_KEYS[k] }));
  const aliases = aliasesOf(keyCols);
  return `WITH ${ctes}, ${baseCte(keyCols, '')}
       INSERT INTO portfolio_totals (kept_date, ${KEPT_COLUMNS.join(', ')})
       SELECT ${day}::date, ${aliases}, count(*)::int AS loans, ${PER_BORROWER}
       FROM base GROUP BY ${aliases}`;
}
