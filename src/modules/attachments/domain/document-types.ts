/**
 * The kinds of document a fund keeps in a loan file (docs/loan-file.md). The first five are the
 * default checklist of a cooperative's application (Decree 45/2021 Art. 22 lending conditions:
 * legal status, the members' decision to borrow, financial capacity and a viable plan).
 */
export const DOCUMENT_TYPES = [
  'COOP_REGISTRATION',
  'CHARTER',
  'MEMBERS_RESOLUTION',
  'FINANCIAL_STATEMENT',
  'BUSINESS_PLAN',
  'CREDIT_REPORT',
  'SIGNED_CONTRACT',
  'APPRAISAL_REPORT',
  'INSPECTION_REPORT',
  'PHOTO',
  'RECEIPT',
  'IDENTITY_PAPER',
  'COLLATERAL',
  'VALUATION_REPORT',
  'SECURITY_REGISTRATION',
  'INSURANCE_POLICY',
  'GUARANTEE',
  'CONTRACT',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The list: what the product form proposes and the demo products require. */
export const DEFAULT_REQUIRED_DOCUMENT_TYPES: readonly DocumentType[] = [
  'COOP_REGISTRATION',
  'CHARTER',
  'MEMBERS_RESOLUTION',
  'FINANCIAL_STATEMENT',
  'BUSINESS_PLAN',
];

/** What owns a document. COLLATERAL_ASSET and GUARANTEE are registered by the collateral module. */
export const OWNER_KINDS = ['BORROWER', 'APPLICATION', 'LOAN', 'COLLATERAL_ASSET', 'GUARANTEE', 'INSPECTION'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
