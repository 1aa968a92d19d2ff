/**
 * The loan application lifecycle: DRAFT → SUBMITTED → UNDER_APPRAISAL → APPROVED | REJECTED,
 * and WITHDRAWN from any state before a decision. Every transition lives in this one table. Pure.
 */
export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['submit', 'startAppraisal', 'approve', 'reject', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationAction, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED' },
  startAppraisal: { from: ['SUBMITTED'], to: 'UNDER_APPRAISAL' },
  approve: { from: ['UNDER_APPRAISAL'], to: 'APPROVED' },
  reject: { from: ['UNDER_APPRAISAL'], to: 'REJECTED' },
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL'], to: 'WITHDRAWN' },
};

/** States in which the application's fields may still be edited, and appraisals or documents added. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['DRAFT'];
export const APPRAISABLE_STATUSES: readonly ApplicationStatus[] = ['UNDER_APPRAISAL'];
export const DOCUMENT_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL'];

/** The state an action leads to, or null when it is illegal in the current state. */
export function nextStatus(current: ApplicationStatus, action: ApplicationAction): ApplicationStatus | null {
  const t = APPLICATION_TRANSITIONS[action];
  return t.from.includes(current) ? t.to : null;
}
