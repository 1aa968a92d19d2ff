/**
 * Whether any borrower was regrouped after the timestamp parameter `$n`: its type, province or
 * commune changed (borrowers.regrouped_at, set by a trigger, indexed; migration 1763800000096).
 * Figures kept with a borrower's type or commune as of a moment (the portfolio report's kept
 * totals) are no longer that borrower's after it; an edit of its name or phone changes nothing kept.
 */
export function borrowerRegroupedSinceSql(param: string): string {
  return `EXISTS (SELECT 1 FROM borrowers WHERE regrouped_at > ${param})`;
}
