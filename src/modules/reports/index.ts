export { ReportsModule, ReportsWorkerModule } from './reports.module.js';
export { PortfolioReportService, type PortfolioReading } from './services/portfolio-report.service.js';
export { PortfolioTotalsService } from './services/portfolio-totals.service.js';
export { AsOfTablesService } from './services/as-of-tables.service.js';
export { AsOfService } from './services/as-of.service.js';
export * as reportsDomain from './domain/index.js';
export { REPORT_EXPORT_QUEUE } from './jobs/reports-queues.js';
export { checkKeptTotals, groupings as portfolioGroupings, type PortfolioCheck } from './services/portfolio-check.js';
