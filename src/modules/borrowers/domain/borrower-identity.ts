/**
 * Borrower types and identity rules (domain.md "Borrowers"; Decree 45 Art. 20). Pure.
 * Enterprises that are members are not eligible, so they have no type here.
 */
export const BORROWER_TYPES = ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'] as const;
export type BorrowerType = (typeof BORROWER_TYPES)[number];

/** The borrower types as the fund's printed papers and report exports name them (domain.md vocabulary). */
export const BORROWER_TYPE_LABELS_VI: Readonly<Record<string, string>> = {
  COOPERATIVE: 'Hợp tác xã',
  COOPERATIVE_UNION: 'Liên hiệp hợp tác xã',
  MEMBER: 'Thành viên hợp tác xã / tổ hợp tác',
} satisfies Record<BorrowerType, string>;

export const RELATION_KINDS = ['SAME_OWNER', 'SAME_LEGAL_REPRESENTATIVE', 'PARENT_COOPERATIVE', 'OTHER'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Enterprise/tax code: 10 digits, or 13 written as 10 digits, a hyphen and a 3-digit branch. */
export const ORGANISATION_CODE = /^\d{10}(-\d{3})?$/;
/** Citizen ID (CCCD): 12 digits. */
export const CITIZEN_ID = /^\d{12}$/;

export function isIndividual(type: BorrowerType): boolean {
  return type === 'MEMBER';
}

/** True when the identity code has the form its borrower type requires. */
export function isValidIdentity(type: BorrowerType, identityCode: string): boolean {
  return isIndividual(type) ? CITIZEN_ID.test(identityCode) : ORGANISATION_CODE.test(identityCode);
}
