export { LoansModule } from './loans.module.js';
export { LoanEventRecorder } from './services/loan-event-recorder.js';
export { LoanPostings } from './services/loan-postings.js';
export { ReconciliationService, type ReconciliationResult } from './services/reconciliation.service.js';
export { type LoanRow, LOAN_COLUMNS, loanStore, termsOf } from './services/loan-store.js';
export * as loanEngine from './domain/index.js';
