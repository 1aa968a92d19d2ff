/** Roles (domain.md "The fund and its people"). */
export const ROLES = ['ADMIN', 'OFFICER', 'APPROVER', 'AUDITOR', 'COOPERATIVE'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who works at the fund; a COOPERATIVE user is outside it. */
export const FUND_STAFF: readonly Role[] = ['ADMIN', 'OFFICER', 'APPROVER', 'AUDITOR'];
