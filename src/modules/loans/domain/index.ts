// The loan engine's public face: pure functions of loan terms and dated events (no NestJS, no TypeORM).
export {
  type AllocationStep,
  type AmortizationMethod,
  type Frequency,
  type LoanTerms,
  type LoanTermsInput,
  type PrepaymentMode,
  type DueDateMove,
  type TermsViolation,
  DEFAULT_ALLOCATION_ORDER,
  FREQUENCIES,
  makeLoanTerms,
  monthsPerPeriod,
  principalPeriodCount,
  validateLoanTerms,
} from './loan-terms.js';
export { type LoanErrorCode, InvalidLoanTermsError, LoanDomainError, RepaymentAbovePayoffError } from './loan-errors.js';
export {
  type PlannedInstallment,
  type RebuildMode,
  type RebuildRequest,
  type ScheduleInstallment,
  DAYS_IN_YEAR,
  annuityPayment,
  buildSchedule,
  projectInterest,
  rebuildRemaining,
  scheduleSlots,
} from './schedule.js';
export {
  type InstallmentState,
  type LoanState,
  accruedInterestOwed,
  initialLoanState,
  lateInterestOwed,
  notDuePrincipal,
  overdueInterestOwed,
  roundNumerator,
  unpaidInterest,
  unpaidPrincipal,
} from './loan-state.js';
export { closeDay, closeThrough } from './accrual.js';
export { disburse } from './disbursement.js';
export { type AllocationComponent, type AllocationLine, type PayoffQuote, type RepaymentAllocation, allocateRepayment, payoffQuote } from './allocation.js';
export { type InstallmentView, type LoanSummary, daysPastDue, loanSummary, projectInstallments } from './loan-summary.js';
export { type Disbursement, type LoanEvent, type ReplayResult, type Repayment, applyEvent, replay } from './replay.js';
export { replayToOpenDay } from './open-day.js';
export { type OpeningPosition, applyOpeningPosition } from './opening-position.js';
export { type CollectedIncome, type EarnedIncome, collectedIncome, earnedIncome } from './income.js';
export {
  type NewInstallment,
  type RestructuringType,
  type ScheduleChange,
  type ScheduleChangeViolation,
  applyScheduleChange,
  currentMaturity,
  extensionPlan,
  fitPlan,
  principalToReschedule,
  validateScheduleChange,
} from './schedule-change.js';
export { type DueDateMoveFields, contractualDateOf, moveFields, movedDueDate } from './due-date-moves.js';
export {
  type DueDateChange,
  type DueDateChangeMove,
  applyDueDateChange,
  calendarYearsFor,
  contractualDueDates,
  dueDateChangeFor,
  resolveDueDateMoves,
  withDueDateMoves,
} from './working-days.js';
