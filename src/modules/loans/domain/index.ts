// The loan engine: pure functions of loan terms and dated events (no NestJS, no TypeORM).
export * from './loan-terms.js';
export * from './loan-errors.js';
export * from './schedule.js';
export * from './loan-state.js';
export * from './accrual.js';
export * from './disbursement.js';
export * from './allocation.js';
export * from './loan-summary.js';
export * from './replay.js';
