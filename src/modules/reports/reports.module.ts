import { BullModule } from '@nestjs/bullmq';
import { Inject, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { configureRateLimits } from '../../platform/http/index.js';
import { BusinessDateModule } from '../close-of-business/index.js';
import { LoansModule } from '../loans/index.js';
import { PaymentQrModule } from '../payment-qr/index.js';
import { CollateralReportsController } from './controllers/collateral-reports.controller.js';
import { ReportExportsController } from './controllers/report-exports.controller.js';
import { ReportsController } from './controllers/reports.controller.js';
import { StatementsController } from './controllers/statements.controller.js';
import { ReportExportWorker } from './jobs/report-export.worker.js';
import { REPORT_EXPORT_QUEUE } from './jobs/report-export-queue.js';
import { AsOfService } from './services/as-of.service.js';
import { CollateralReportsService } from './services/collateral-reports.service.js';
import { MonthlySeriesService } from './services/monthly-series.service.js';
import { OtherReportsService } from './services/other-reports.service.js';
import { PortfolioReportService } from './services/portfolio-report.service.js';
import { ReportExportsService } from './services/report-exports.service.js';
import { ReportFilesService } from './services/report-files.service.js';
import { StatementsService } from './services/statements.service.js';
import './reports.errors.js';

/** Reports read SQL and write nothing but their export files and verification codes (design.md). */
@Module({
  imports: [BusinessDateModule, LoansModule, PaymentQrModule, BullModule.registerQueue({ name: REPORT_EXPORT_QUEUE })],
  controllers: [ReportsController, ReportExportsController, StatementsController, CollateralReportsController],
  providers: [AsOfService, CollateralReportsService, PortfolioReportService, MonthlySeriesService, OtherReportsService, ReportFilesService, ReportExportsService, StatementsService],
  exports: [AsOfService, PortfolioReportService, OtherReportsService, ReportExportsService, StatementsService],
})
export class ReportsModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Each full scan of a large portfolio uses the whole machine: limit report calls per user.
    configureRateLimits({ reports: config.reportRateLimitPerMinute });
  }
}

/** The export worker: worker role only. */
@Module({ imports: [ReportsModule], providers: [ReportExportWorker] })
export class ReportsWorkerModule {}
