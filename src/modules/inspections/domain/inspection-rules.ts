import { addDays, type LocalDate } from '../../../platform/dates/index.js';

/**
 * Checks on the use of the money (README "The loan file"; Decree 45/2021 Art. 22 lends for a
 * stated purpose, and every Vietnamese lender checks it after disbursement): each disbursement is
 * inspected within the product's period. Pure.
 */
export const FINDINGS = ['USED_AS_PLANNED', 'PARTLY', 'NOT_AS_PLANNED'] as const;
export type Finding = (typeof FINDINGS)[number];

export const INSPECTION_STATUSES = ['DUE', 'OVERDUE', 'DONE'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** The last day of the inspection window: the disbursement's value date plus the product's days. */
export function inspectionDueDate(disbursementDate: LocalDate, inspectionDays: number): LocalDate {
  return addDays(disbursementDate, inspectionDays);
}

/** DONE once recorded; else OVERDUE from the day after the due date; else DUE. */
export function inspectionStatus(recorded: boolean, dueDate: LocalDate, businessDate: LocalDate): InspectionStatus {
  if (recorded) return 'DONE';
  return dueDate < businessDate ? 'OVERDUE' : 'DUE';
}

/** A misuse finding opens a recall case; a partial one when the officer asks for it. */
export function opensRecall(finding: Finding, requested: boolean): boolean {
  return finding === 'NOT_AS_PLANNED' || (finding === 'PARTLY' && requested);
}

/** The next tranche may go when the product does not wait, for the first tranche, or after a USED_AS_PLANNED finding. */
export function trancheAllowed(requiresInspection: boolean, tranchesSoFar: number, previousFinding: Finding | null): boolean {
  return !requiresInspection || tranchesSoFar === 0 || previousFinding === 'USED_AS_PLANNED';
}
