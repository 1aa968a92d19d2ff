import type { Actor } from '../../../platform/actor/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { DIMENSIONS, type Dimension } from './dimensions.sql.js';
import type { PortfolioReportService } from './portfolio-report.service.js';

export interface PortfolioCheck {
  asOf: LocalDate;
  groupings: number;
  /** The groupings whose kept and per-loan reports differ, with the first differing row (JSON). */
  mismatches: Array<{ groupBy: Dimension[]; kept: string; perLoan: string }>;
}

/** Every single dimension, and with `pairs` every ordered pair of two (the report's GROUPING SETS of two). */
export function groupings(pairs: boolean): Dimension[][] {
  const singles = DIMENSIONS.map((d) => [d]);
  return pairs ? [...singles, ...DIMENSIONS.flatMap((a) => DIMENSIONS.filter((b) => b !== a).map((b) => [a, b]))] : singles;
}

/**
 * The per-loan query as the kept totals' check: the report as of `asOf` (default period) read from
 * the kept totals and per loan must be the same JSON for every grouping. Fails when the kept
 * totals do not answer (not kept, or booked since).
 */
export async function checkKeptTotals(reports: PortfolioReportService, actor: Actor, asOf: LocalDate, groupBy: Dimension[][]): Promise<PortfolioCheck> {
  const mismatches: PortfolioCheck['mismatches'] = [];
  for (const g of groupBy) {
    const kept = (await reports.read(actor, { asOf, groupBy: g }, 'kept')).report;
    const perLoan = (await reports.read(actor, { asOf, groupBy: g }, 'perLoan')).report;
    if (JSON.stringify(kept) === JSON.stringify(perLoan)) continue;
    const i = kept.rows.findIndex((r, n) => JSON.stringify(r) !== JSON.stringify(perLoan.rows[n]));
    mismatches.push({
      groupBy: g,
      kept: JSON.stringify(i >= 0 ? kept.rows[i] : { rows: kept.rows.length, totals: kept.totals }),
      perLoan: JSON.stringify(i >= 0 ? perLoan.rows[i] : { rows: perLoan.rows.length, totals: perLoan.totals }),
    });
  }
  return { asOf, groupings: groupBy.length, mismatches };
}
