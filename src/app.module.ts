import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig, ProcessRole } from './config/index.js';
import { ConfigModule } from './config/index.js';
import { ApplicationsModule } from './modules/applications/index.js';
import { AuditModule } from './modules/audit/index.js';
import { AuthModule } from './modules/auth/index.js';
import { BorrowersModule } from './modules/borrowers/index.js';
import { FundsModule } from './modules/funds/index.js';
import { HealthModule } from './modules/health/index.js';
import { BusinessDateModule } from './modules/business-date/index.js';
import { LedgerModule } from './modules/ledger/index.js';
import { LoansModule } from './modules/loans/index.js';
import { CloseOfBusinessModule } from './modules/close-of-business/index.js';
import { CloseOfBusinessWorkerModule } from './modules/close-of-business/index.js';
import { ProductsModule } from './modules/products/index.js';
import { ReferenceModule } from './modules/reference/index.js';
import { ReportsModule, ReportsWorkerModule } from './modules/reports/index.js';
import { DocumentsModule } from './modules/documents/index.js';
import { dataSourceOptions } from './data-source.js';
import { DatabaseModule } from './platform/database/index.js';
import { ProblemDetailsFilter } from './platform/errors/index.js';
import { QueueModule } from './platform/queue/index.js';
import { ImportsModule } from './modules/imports/index.js';
import { NotificationsModule } from './modules/notifications/index.js';
import { CalendarModule } from './modules/calendar/index.js';
import { CalendarAdminModule } from './modules/calendar-admin/index.js';
import { DemoLoadModule } from './modules/demo-load/index.js';
import { WorkspaceModule } from './modules/workspace/index.js';
import { PaymentQrModule } from './modules/payment-qr/index.js';
import { RiskModule } from './modules/risk/index.js';
import { BookImportModule } from './modules/book-import/index.js';
import { MetricsModule } from './modules/metrics/index.js';
import { CollateralModule } from './modules/collateral/index.js';
import { AttachmentsModule } from './modules/attachments/index.js';
import { InspectionsModule } from './modules/inspections/index.js';

export interface AppModuleOptions {
  config: AppConfig;
  role: ProcessRole;
  /** Extra modules (tests mount probe controllers this way). */
  extraImports?: ModuleMetadata['imports'];
}

/**
 * The modular monolith. One build, two entry points: the HTTP API and the BullMQ worker
 * (or both in one process, the single-machine default).
 */
@Module({})
export class AppModule {
  static register({ config, role, extraImports = [] }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: config.databaseUrl ?? '',
            replicaUrl: config.databaseReplicaUrl,
            poolSize: config.databasePoolSize,
            applicationName: `htx-fund-lms-${role}`,
          }),
        ),
        DatabaseModule,
        QueueModule.forRoot(),
        AuditModule,
        AuthModule,
        HealthModule,
        BusinessDateModule,
        LedgerModule,
        CalendarModule,
        LoansModule,
        PaymentQrModule,
        CalendarAdminModule,
        CloseOfBusinessModule,
        RiskModule,
        // The close's BullMQ workers and nightly scheduler run in the worker role only; the API enqueues.
        ...(role === 'api' ? [] : [CloseOfBusinessWorkerModule.register(config)]),
        ReferenceModule,
        BorrowersModule,
        FundsModule,
        ProductsModule,
        ApplicationsModule,
        ReportsModule,
        DocumentsModule,
        // The report export worker runs in the worker role only; the API enqueues.
        ...(role === 'api' ? [] : [ReportsWorkerModule]),
        ImportsModule.register(role),
        NotificationsModule.register(role),
        BookImportModule.register(role),
        DemoLoadModule,
        WorkspaceModule,
        // Prometheus metrics are served by the HTTP roles (README "Limits and metrics").
        ...(role === 'worker' ? [] : [MetricsModule]),
        CollateralModule,
        AttachmentsModule,
        InspectionsModule,
        ...extraImports,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
