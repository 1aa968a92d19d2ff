export { ImportsModule } from './imports.module.js';
export { REPAYMENT_IMPORT_QUEUE } from './jobs/imports-queues.js';
export { contractNumberFinder } from './domain/contract-matcher.js';
