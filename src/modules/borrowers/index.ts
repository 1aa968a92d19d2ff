export { BorrowersModule } from './borrowers.module.js';
export { BorrowersService, type BorrowerFacts } from './services/borrowers.service.js';
export * from './domain/borrower-identity.js';
export { borrowerRegroupedSinceSql } from './domain/borrower-changes.sql.js';
