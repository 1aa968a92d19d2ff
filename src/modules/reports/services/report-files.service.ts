import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { renderCsv } from '../export/csv.js';
import { renderPdf } from '../export/pdf.js';
import { agingTable, capitalSourcesTable, loanListTable, portfolioTable, reconciliationTable } from '../export/report-tables.js';
import type { ExportMeta, RenderedFile, ReportTable } from '../export/report-table.js';
import { renderXlsx } from '../export/xlsx.js';
import type { AsOfQueryDto, LoanListReportQueryDto, PortfolioQueryDto } from '../dto/report-query.dto.js';
import { type LoanListItem, AsOfTablesService } from './as-of-tables.service.js';
import { PortfolioReportService } from './portfolio-report.service.js';

export const REPORT_KINDS = ['portfolio', 'aging', 'loans', 'capital-sources', 'reconciliation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type FileFormat = 'csv' | 'xlsx' | 'pdf';
export type ReportQuery = PortfolioQueryDto & AsOfQueryDto & Partial<Pick<LoanListReportQueryDto, 'page' | 'pageSize'>>;

const LOAN_LIST_CHUNK = 1000;

/** Builds a report's table and renders it to a file (README "Exports"). */
@Injectable()
export class ReportFilesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly portfolio: PortfolioReportService,
    private readonly others: AsOfTablesService,
  ) {}

  /** Rows the export will hold: the loan list counts loans; the others are small aggregates. */
  async rowCount(actor: Actor, kind: ReportKind, q: ReportQuery): Promise<number> {
    if (kind !== 'loans') return 0;
    return (await this.others.loanList(actor, { ...q, page: 1, pageSize: 1 })).total;
  }

  async table(actor: Actor, kind: ReportKind, q: ReportQuery, progress?: (fraction: number) => Promise<void>): Promise<ReportTable> {
    switch (kind) {
      case 'portfolio':
        return portfolioTable(await this.portfolio.portfolio(actor, q));
      case 'aging':
        return agingTable(await this.others.aging(actor, q));
      case 'capital-sources':
        return capitalSourcesTable(await this.others.capitalSources(actor, q));
      case 'reconciliation':
        return reconciliationTable(await this.others.reconciliationOn(actor, q));
      case 'loans': {
        const items: LoanListItem[] = [];
        for (let page = 1; ; page++) {
          const res = await this.others.loanList(actor, { ...q, page, pageSize: LOAN_LIST_CHUNK });
          items.push(...res.items);
          await progress?.(Math.min(1, items.length / Math.max(1, res.total)));
          if (items.length >= res.total || res.items.length === 0) return loanListTable(res.asOf, res.source, items);
        }
      }
    }
  }

  async render(table: ReportTable, format: FileFormat, actor: Actor, onRow?: (i: number) => void): Promise<RenderedFile> {
    const meta: ExportMeta = {
      fundName: this.config.fundName,
      generatedBy: actor.username,
      generatedAt: new Date().toISOString(),
      timeZone: this.config.businessTimezone,
    };
    if (format === 'csv') return renderCsv(table);
    if (format === 'xlsx') return renderXlsx(table, meta);
    return renderPdf(table, meta, onRow);
  }

  fileName(kind: ReportKind, q: ReportQuery, ext: string): string {
    return `bao-cao-${kind}-${q.asOf ?? 'ngay-chot'}.${ext}`;
  }
}
