export * from './transaction.js';
export * from './transaction-runner.js';
export * from './database.module.js';
export * from './migrate.js';
export * from './sql-statement.js';
export * from './replica-reads.js';
export * from './backup.js';
