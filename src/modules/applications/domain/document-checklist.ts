/**
 * An application's checklist (README "The loan file"): each type the product requires is
 * PRESENT (a stored file on the application or its borrower), else WAIVED (with a reason), else
 * MISSING. Pure.
 */
export type ChecklistStatus = 'PRESENT' | 'WAIVED' | 'MISSING';

export interface ChecklistItem<T extends string> {
  readonly docType: T;
  readonly status: ChecklistStatus;
}

export function documentChecklist<T extends string>(required: readonly T[], present: ReadonlySet<T>, waived: ReadonlySet<T>): Array<ChecklistItem<T>> {
  return required.map((docType) => ({ docType, status: present.has(docType) ? 'PRESENT' : waived.has(docType) ? 'WAIVED' : 'MISSING' }));
}
