export { ImportsModule } from './imports.module.js';
export { REPAYMENT_IMPORT_QUEUE } from './services/repayment-imports.service.js';
export { contractNumberFinder } from './domain/contract-matcher.js';
