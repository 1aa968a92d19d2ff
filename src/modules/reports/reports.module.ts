import { BullModule } from '@nestjs/bullmq';
import { Inject, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { configureRateLimits } from '../../platform/http/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { CloseOfBusinessModule } from '../close-of-business/index.js';
import { LoansModule } from '../loans/index.js';
import { PaymentQrModule } from '../payment-qr/index.js';
import { ReferenceModule } from '../reference/index.js';
import { RiskModule } from '../risk/index.js';
import { CollateralReportsController } from './controllers/collateral-reports.controller.js';
import { ReportExportsController } from './controllers/report-exports.controller.js';
import { ReportsController } from './controllers/reports.controller.js';
import { StatementsController } from './controllers/statements.controller.js';
import { ReportExportProcessor } from './jobs/report-export.processor.js';
import { PortfolioTotalsProcessor } from './jobs/portfolio-totals.processor.js';
import { PORTFOLIO_TOTALS_QUEUE, REPORT_EXPORT_QUEUE } from './jobs/reports-queues.js';
import { AsOfService } from './services/as-of.service.js';
import { CollateralReportsService } from './services/collateral-reports.service.js';
import { MonthlySeriesService } from './services/monthly-series.service.js';
import { AsOfTablesService } from './services/as-of-tables.service.js';
import { PortfolioReportService } from './services/portfolio-report.service.js';
import { PortfolioTotalsService } from './services/portfolio-totals.service.js';
import { ReportExportsService } from './services/report-exports.service.js';
import { ReportFilesService } from './services/report-files.service.js';
import { StatementsService } from './services/statements.service.js';
import './reports.errors.js';

/** Reports read SQL and write nothing but their export files, verification codes and the portfolio's kept totals (design.md). */
@Module({
  imports: [
    BusinessDateModule,
    CloseOfBusinessModule,
    LoansModule,
    PaymentQrModule,
    ReferenceModule,
    RiskModule,
    BullModule.registerQueue({ name: REPORT_EXPORT_QUEUE }),
    BullModule.registerQueue({ name: PORTFOLIO_TOTALS_QUEUE }),
  ],
  controllers: [ReportsController, ReportExportsController, StatementsController, CollateralReportsController],
  providers: [
    AsOfService,
    CollateralReportsService,
    PortfolioReportService,
    PortfolioTotalsService,
    MonthlySeriesService,
    AsOfTablesService,
    ReportFilesService,
    ReportExportsService,
    StatementsService,
  ],
  exports: [AsOfService, PortfolioReportService, PortfolioTotalsService, AsOfTablesService, ReportExportsService, StatementsService],
})
export class ReportsModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Each full scan of a large portfolio uses the whole machine: limit report calls per user.
    configureRateLimits({ reports: config.reportRateLimitPerMinute });
  }
}

/** The export processor: worker role only. */
@Module({ imports: [ReportsModule], providers: [ReportExportProcessor, PortfolioTotalsProcessor] })
export class ReportsWorkerModule {}
