import { DIMENSIONS, type Dimension, KEPT_KEYS, dimensionColumns, dimensionJoins, groupingMask, keptJoins } from './dimensions.sql.js';

/**
 * The portfolio report's SQL (domain.md "Reports the fund files and auditors ask for"), read two
 * ways that give the same rows: per loan (every loan's position as of D from the loans'
 * positionsCte and its flows in the period, loan-flows.ts), or from the totals kept for D
 * (portfolio_totals: the same per-loan rows summed by the same expressions, PER_BORROWER below,
 * once per group of every grouping the report can ask for). Either way the groups are summed from
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

/**
 * The same report from the totals kept for day `day` (a SqlParams placeholder): the kept rows of
 * the grouping by `groupBy` (its GROUPING() mask, either order of a pair) and of the total,
 * labelled by the same joins as per loan; the counts and sums were summed, and the borrowers
 * counted distinct, per group when they were kept.
 */
export function keptPortfolioSql(day: string, groupBy: readonly Dimension[]): string {
  const cols = dimensionColumns(groupBy, true);
  const aliases = aliasesOf(cols);
  const figures = `loan_count, borrower_count, outstanding_loan_count, outstanding_borrower_count, ${SUMMED.map((c) => `${c}::text AS ${c}`).join(', ')}`;
  return `SELECT ${cols.map((c) => `${c.sql} AS "${c.alias}"`).join(', ')}, false AS is_total, ${figures}
       FROM portfolio_totals l ${keptJoins(groupBy)}
       WHERE l.kept_date = ${day}::date AND l.grouping = ${groupingMask(groupBy)}
       UNION ALL
       SELECT ${cols.map((c) => `NULL::text AS "${c.alias}"`).join(', ')}, true, ${figures}
       FROM portfolio_totals WHERE kept_date = ${day}::date AND grouping = ${groupingMask([])}
       ORDER BY is_total, ${aliases}`;
}

/** Every grouping the report can ask for, as sets: the total, each dimension, each unordered pair. */
const KEPT_GROUPINGS: readonly Dimension[][] = [[], ...DIMENSIONS.map((d) => [d]), ...DIMENSIONS.flatMap((a, i) => DIMENSIONS.slice(i + 1).map((b) => [a, b]))];

/**
 * The kept totals of day `day` over `ctes` (ending in `pos` and `flows`, the positions as of the
 * day and the flows of its year to date): the per-loan rows of the report summed per borrower and
 * every dimension key (PER_BORROWER, as per loan), then per group of every grouping in one
 * GROUPING SETS aggregate, the borrowers counted distinct per group. `loans` counts the loans behind a row.
 */
export function keepTotalsSql(ctes: string, day: string): string {
  const keys = DIMENSIONS.flatMap((d) => Object.entries(KEPT_KEYS[d]).map(([col, sql]) => ({ d, col, sql })));
  const keyCols = keys.map((k) => ({ alias: k.col, sql: k.sql }));
  const set = (dims: readonly Dimension[]): string =>
    `(${keys
      .filter((k) => dims.includes(k.d))
      .map((k) => k.col)
      .join(', ')})`;
  const cols = keys.map((k) => k.col).join(', ');
  return `WITH ${ctes}, ${baseCte(keyCols, dimensionJoins(['borrowerType', 'product']))}, per_borrower AS (
         SELECT ${cols}, borrower_id, count(*) AS loans, ${PER_BORROWER}
         FROM base GROUP BY ${cols}, borrower_id
       )
       INSERT INTO portfolio_totals (kept_date, grouping, ${cols}, loans, loan_count, borrower_count, outstanding_loan_count, outstanding_borrower_count, ${SUMMED.join(', ')})
       SELECT ${day}::date, GROUPING(${DIMENSIONS.map((d) => Object.keys(KEPT_KEYS[d])[0]).join(', ')}), ${cols},
              coalesce(sum(loans), 0)::int, coalesce(sum(loan_count), 0)::int, count(DISTINCT borrower_id) FILTER (WHERE loan_count > 0)::int,
              coalesce(sum(outstanding_loan_count), 0)::int, count(DISTINCT borrower_id) FILTER (WHERE outstanding_loan_count > 0)::int,
              ${SUMMED.map((c) => `coalesce(sum(${c}), 0)`).join(', ')}
       FROM per_borrower GROUP BY GROUPING SETS (${KEPT_GROUPINGS.map(set).join(', ')})`;
}
