export { InspectionsModule } from './inspections.module.js';
export { InspectionsService } from './services/inspections.service.js';
export { RecallCasesService } from './services/recall-cases.service.js';
export * from './domain/inspection-rules.js';
