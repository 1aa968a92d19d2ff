export { ReportsModule, ReportsWorkerModule } from './reports.module.js';
export { PortfolioReportService } from './services/portfolio-report.service.js';
export { AsOfTablesService } from './services/as-of-tables.service.js';
export { AsOfService } from './services/as-of.service.js';
export * as reportsDomain from './domain/index.js';
export { REPORT_EXPORT_QUEUE } from './jobs/reports-queues.js';
