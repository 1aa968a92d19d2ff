/**
 * Whether any borrower was edited after the timestamp parameter `$n` (borrowers.updated_at, set by
 * every edit, indexed by migration 1763800000082): figures kept with a borrower's type or commune
 * as of a moment (the portfolio report's kept totals) are no longer that borrower's after it.
 */
export function borrowerEditedSinceSql(param: string): string {
  return `EXISTS (SELECT 1 FROM borrowers WHERE updated_at > ${param})`;
}
