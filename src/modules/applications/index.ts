export { ApplicationsModule } from './applications.module.js';
export { LoanApplicationsService, type DecisionOptions } from './services/loan-applications.service.js';
export * from './domain/application-transitions.js';
export type { LoanApplicationDto } from './dto/loan-application.dto.js';
export { AppraisalsService } from './services/appraisals.service.js';
