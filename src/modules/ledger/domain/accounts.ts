/** Account purposes the code posts to; GL codes are configuration (ledger_accounts.gl_code). */
export const ACCOUNT_PURPOSES = [
  'CASH',
  'PRINCIPAL_RECEIVABLE',
  'INTEREST_RECEIVABLE',
  'PENALTY_RECEIVABLE',
  'PROVISION_SPECIFIC',
  'PROVISION_GENERAL',
  'SOURCE_CAPITAL',
  'SUSPENSE',
  'INTEREST_INCOME',
  'OVERDUE_INTEREST_INCOME',
  'LATE_INTEREST_INCOME',
  'RECOVERY_INCOME',
  'PROVISION_EXPENSE',
  'WRITTEN_OFF_DEBT',
  'OFF_BALANCE_CONTRA',
  /** Offset of the receivables a loan book brings in at its cut-over date (docs/book-import.md "Opening positions"). */
  'OPENING_BALANCE',
] as const;
export type AccountPurpose = (typeof ACCOUNT_PURPOSES)[number];

export const TRANSACTION_KINDS = [
  'DISBURSEMENT',
  'REPAYMENT',
  'REPAYMENT_REVERSAL',
  'CAPITAL_MOVEMENT',
  'ACCRUAL',
  'PROVISION',
  'WRITE_OFF',
  'RECOVERY',
  'OPENING_BALANCE',
] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];
