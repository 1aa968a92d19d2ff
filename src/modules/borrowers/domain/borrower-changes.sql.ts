/**
 * Whether any borrower was regrouped after the timestamp parameter `$n`: its type, province or
 * commune changed (borrowers.regrouped_at, set by a trigger, indexed; migration 1763800000096).
 * Figures kept with a borrower's type or commune as of a moment (the portfolio report's kept
 * totals) are no longer that borrower's after it; an edit of its name or phone changes nothing kept.
 * Asked as the newest regrouping (one backward probe of the index): as `EXISTS (… regrouped_at > $n)`
 * the planner, not knowing $n, expects a third of the rows to match and scans every borrower
 * (30 ms at 215,000 borrowers, the 1,000,000-loan bench's, on every kept report read).
 */
export function borrowerRegroupedSinceSql(param: string): string {
  return `coalesce((SELECT max(regrouped_at) FROM borrowers) > ${param}, false)`;
}
