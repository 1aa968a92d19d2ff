export { LoansModule } from './loans.module.js';
export { LoanEventRecorder } from './services/loan-event-recorder.service.js';
export { LoanPostings } from './services/loan-postings.service.js';
export { ReconciliationService, type ReconciliationResult } from './services/reconciliation.service.js';
export { type LoanRow, LOAN_COLUMNS, loanStore, termsOf } from './services/loan-store.repository.js';
export * as loanEngine from './domain/index.js';
export { LoanCommandsService } from './services/loan-commands.service.js';
export { formatContractNumber } from './services/loan-contracts.service.js';
export { CHANNELS, MoneyMovementDto } from './dto/loan-commands.dto.js';
export type { RepaymentResultDto } from './dto/loan-views.dto.js';
export { LoanContractsService } from './services/loan-contracts.service.js';
export { LoanQueriesService } from './services/loan-queries.service.js';
export { DueDateMovesService, type DueDateMovesResult, type PlannedDueDateMove } from './services/due-date-moves.service.js';
export { LoanCloseService, type LoanCloseRange, type LoanCloseResult } from './services/loan-close.service.js';
// The set-based renditions of the engine (engine-sql/), for the reports and the bench loader.
export { positionsCte, type PositionPlan, type PositionSource, type ReplayedPosition } from './engine-sql/loan-positions.sql.js';
export * as closeSql from './engine-sql/close-chunk.sql.js';
export { LoanOriginsService, type LoanOriginTag } from './services/loan-origins.service.js';
export { LoanOpeningsService, type OpenedLoan, type OpeningPositionInput } from './services/loan-openings.service.js';
