/**
 * Report dimensions (domain.md "Reports…": by sector, borrower type, commune, capital source, term
 * class, debt group and product; and the fund of origin, so a merged fund reports the books it took
 * over apart and together: README "Bringing in an existing loan book"). Each is a key and its labels as SQL over
 * l = loans, b = borrowers, sec = sectors, cs = capital_sources, pv = loan_product_versions,
 * lp = loan_products, pos = the loan's position as of the report date.
 */
export const DIMENSIONS = ['sector', 'borrowerType', 'commune', 'capitalSource', 'termClass', 'debtGroup', 'product', 'origin'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

interface DimensionSql {
  /** Output column → SQL expression; the first is the key. */
  readonly columns: Readonly<Record<string, string>>;
}

// termClass: domain.md short ≤ 12 months, medium 13–60, long > 60 (reports/domain termClass()).
export const TERM_CLASS_SQL = `CASE WHEN l.term_months <= 12 THEN 'SHORT' WHEN l.term_months <= 60 THEN 'MEDIUM' ELSE 'LONG' END`;

// A loan without a position as of D (flows only) is in group 1, as an unclassified loan.
export const DEBT_GROUP_SQL = 'coalesce(pos.debt_group, 1)';

export const DIMENSION_SQL: Readonly<Record<Dimension, DimensionSql>> = {
  sector: { columns: { code: 'l.sector_code', classificationVersion: 'l.sector_version', nameVi: 'sec.name_vi', nameEn: 'sec.name_en' } },
  borrowerType: { columns: { code: 'b.type' } },
  commune: { columns: { code: 'b.commune_code', provinceCode: 'b.province_code' } },
  capitalSource: { columns: { code: 'l.capital_source_id::text', name: 'cs.name', bearsCreditRisk: 'cs.bears_credit_risk::text' } },
  termClass: { columns: { code: TERM_CLASS_SQL } },
  debtGroup: { columns: { code: `${DEBT_GROUP_SQL}::text` } },
  product: { columns: { code: 'lp.code', productId: 'pv.product_id::text', name: 'pv.name' } },
  // The fund of origin a book import tags its loans with (loans.origin); null: the fund's own book.
  origin: { columns: { code: 'l.origin' } },
};

/** Joins every dimension needs, from loans l. */
export const DIMENSION_JOINS = `JOIN borrowers b ON b.id = l.borrower_id
  JOIN sectors sec ON sec.classification_version = l.sector_version AND sec.code = l.sector_code
  JOIN capital_sources cs ON cs.id = l.capital_source_id
  JOIN loan_product_versions pv ON pv.id = l.product_version_id
  JOIN loan_products lp ON lp.id = pv.product_id`;

/**
 * The kept totals' key columns (portfolio_totals, migration 1763800000081) as SQL over l = loans and
 * pos: every loan attribute a dimension reads, and the debt group as of D. The borrower's type and
 * commune and every label are read at report time through DIMENSION_JOINS, as for the loans.
 */
export const KEPT_KEYS: Readonly<Record<string, string>> = {
  borrower_id: 'l.borrower_id',
  sector_version: 'l.sector_version',
  sector_code: 'l.sector_code',
  capital_source_id: 'l.capital_source_id',
  product_version_id: 'l.product_version_id',
  term_class: TERM_CLASS_SQL,
  debt_group: DEBT_GROUP_SQL,
  origin: 'l.origin',
};

/** Over kept rows l (portfolio_totals) the two keys that are not loan columns are read as kept. */
const KEPT_CODES: Partial<Record<Dimension, string>> = { termClass: 'l.term_class', debtGroup: 'l.debt_group::text' };

/** Column alias of a dimension's label in the SQL result: d0_code, d1_nameVi…; `kept`: over portfolio_totals l instead of loans l. */
export function dimensionColumns(dims: readonly Dimension[], kept = false): { alias: string; dim: Dimension; name: string; sql: string }[] {
  return dims.flatMap((dim, i) =>
    Object.entries(DIMENSION_SQL[dim].columns).map(([name, sql]) => ({
      alias: `d${i}_${name}`,
      dim,
      name,
      sql: kept && name === 'code' && KEPT_CODES[dim] ? KEPT_CODES[dim] : sql,
    })),
  );
}

const JOINS = {
  b: 'JOIN borrowers b ON b.id = l.borrower_id',
  sec: 'JOIN sectors sec ON sec.classification_version = l.sector_version AND sec.code = l.sector_code',
  cs: 'JOIN capital_sources cs ON cs.id = l.capital_source_id',
  pv: 'JOIN loan_product_versions pv ON pv.id = l.product_version_id',
  lp: 'JOIN loan_products lp ON lp.id = pv.product_id',
} as const;
const NEEDS: Readonly<Record<Dimension, readonly (keyof typeof JOINS)[]>> = {
  sector: ['sec'],
  borrowerType: ['b'],
  commune: ['b'],
  capitalSource: ['cs'],
  termClass: [],
  debtGroup: [],
  product: ['pv', 'lp'],
  origin: [],
};

/**
 * The joins of DIMENSION_JOINS these dimensions read, in the same order. Every one follows a NOT
 * NULL foreign key of loans (one row each), so leaving the others out changes no row, and a
 * report by sector does not join a million borrowers.
 */
export function dimensionJoins(dims: readonly Dimension[]): string {
  const needed = new Set(dims.flatMap((d) => NEEDS[d]));
  return (Object.keys(JOINS) as (keyof typeof JOINS)[])
    .filter((k) => needed.has(k))
    .map((k) => JOINS[k])
    .join('\n  ');
}
