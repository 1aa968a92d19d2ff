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
 * The kept totals' key columns of each dimension (portfolio_totals, migration 1763800000081): the
 * column → its SQL over l = loans, b = borrowers, pv = loan_product_versions and pos, as the
 * per-loan query groups. The first is the one GROUPING() reads. Every label is a function of
 * these keys, joined at read time (KEPT_SQL, keptJoins).
 */
export const KEPT_KEYS: Readonly<Record<Dimension, Readonly<Record<string, string>>>> = {
  sector: { sector_code: 'l.sector_code', sector_version: 'l.sector_version' },
  borrowerType: { borrower_type: 'b.type' },
  commune: { commune_code: 'b.commune_code', province_code: 'b.province_code' },
  capitalSource: { capital_source_id: 'l.capital_source_id' },
  termClass: { term_class: TERM_CLASS_SQL },
  debtGroup: { debt_group: DEBT_GROUP_SQL },
  // A product group is its code, id and the version's name (a name is fixed once a version exists).
  product: { product_id: 'pv.product_id', product_name: 'pv.name' },
  origin: { origin: 'l.origin' },
};

/** Over kept rows l (portfolio_totals) the columns that are not read as over loans. */
const KEPT_SQL: Partial<Record<Dimension, Readonly<Record<string, string>>>> = {
  borrowerType: { code: 'l.borrower_type' },
  commune: { code: 'l.commune_code', provinceCode: 'l.province_code' },
  termClass: { code: 'l.term_class' },
  debtGroup: { code: 'l.debt_group::text' },
  product: { productId: 'l.product_id::text', name: 'l.product_name' },
};

/**
 * The GROUPING() bitmask of the kept rows of a grouping by `dims` (order does not matter): the
 * first dimension of DIMENSIONS is the most significant bit, a set bit is a dimension not grouped by.
 */
export function groupingMask(dims: readonly Dimension[]): number {
  return DIMENSIONS.reduce((m, d, i) => (dims.includes(d) ? m : m | (1 << (DIMENSIONS.length - 1 - i))), 0);
}

/** The joins the labels of `dims` read over kept rows l. */
export function keptJoins(dims: readonly Dimension[]): string {
  return [
    dims.includes('sector') ? JOINS.sec : '',
    dims.includes('capitalSource') ? JOINS.cs : '',
    dims.includes('product') ? 'JOIN loan_products lp ON lp.id = l.product_id' : '',
  ]
    .filter(Boolean)
    .join('\n  ');
}

/** Column alias of a dimension's label in the SQL result: d0_code, d1_nameVi…; `kept`: over portfolio_totals l instead of loans l. */
export function dimensionColumns(dims: readonly Dimension[], kept = false): { alias: string; dim: Dimension; name: string; sql: string }[] {
  return dims.flatMap((dim, i) =>
    Object.entries(DIMENSION_SQL[dim].columns).map(([name, sql]) => ({
      alias: `d${i}_${name}`,
      dim,
      name,
      sql: (kept && KEPT_SQL[dim]?.[name]) || sql,
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
