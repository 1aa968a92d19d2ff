export { LedgerModule } from './ledger.module.js';
export { LedgerService, type JournalHeader, type AccountBalance } from './services/ledger.service.js';
export { LoanJournalService, type LoanJournalEntry, type LoanJournalTransaction } from './services/loan-journal.service.js';
export { type AccountPurpose, type TransactionKind, ACCOUNT_PURPOSES } from './domain/accounts.js';
export { type JournalLine, credit, debit, nonZero, reversalOf } from './domain/journal.js';
export {
  FLOW_ACCOUNTS,
  FLOW_ACCOUNTS_SQL,
  FLOW_ENTRIES_SQL,
  FLOW_KINDS,
  FLOW_KINDS_SQL,
  FLOW_SCOPE_SQL,
  flowSumsSql,
  type FlowCountersSql,
} from './services/loan-flow-sql.js';
