import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { AsOfQueryDto, LoanListReportQueryDto, PortfolioQueryDto, ReconciliationQueryDto } from '../dto/report-query.dto.js';
import { AgingReportDto, CapitalSourceReportDto, LoanListReportDto, ReconciliationReportDto } from '../dto/as-of-tables.dto.js';
import { MonthlySeriesDto, MonthlySeriesQueryDto } from '../dto/monthly-series.dto.js';
import { PortfolioReportDto } from '../dto/report-views.dto.js';
import { MonthlySeriesService } from '../services/monthly-series.service.js';
import { AsOfTablesService } from '../services/as-of-tables.service.js';
import { PortfolioReportService } from '../services/portfolio-report.service.js';
import { ReportExportsService } from '../services/report-exports.service.js';
import { ApiReportResponses } from './report-responses.js';
import { respond } from './respond.js';

/** domain.md "The fund and its people": auditors, approvers, admins and officers read reports; cooperative users do not. */
export const REPORT_READERS = ['AUDITOR', 'APPROVER', 'ADMIN', 'OFFICER'] as const;

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly exports: ReportExportsService,
    private readonly portfolioReports: PortfolioReportService,
    private readonly others: AsOfTablesService,
    private readonly monthly: MonthlySeriesService,
  ) {}

  @Get('portfolio')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Portfolio by sector, borrower type, commune, capital source, term class, debt group or product, as of any date' })
  @ApiReportResponses(PortfolioReportDto)
  portfolio(@CurrentActor() actor: Actor, @Query() q: PortfolioQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return respond(
      reply,
      this.exports.run(actor, 'portfolio', q, () => this.portfolioReports.portfolio(actor, q)),
    );
  }

  @Get('monthly')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({
    summary: 'Month-end outstanding and each month’s turnover and collections over a span of months (for charts)',
    description:
      'One read of the journal: outstanding is the loans’ principal receivable by value date at each month end, the flows are the portfolio report’s (disbursements, repayments, reversals valued in the month). At most 240 months.',
  })
  @ApiOkResponse({ type: MonthlySeriesDto })
  monthlySeries(@CurrentActor() actor: Actor, @Query() q: MonthlySeriesQueryDto): Promise<MonthlySeriesDto> {
    return this.monthly.series(actor, q);
  }

  @Get('aging')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({
    summary: 'Outstanding and loan counts by days past due: current, 1–9, 10–29, 30–89, 90–179, 180+',
    description:
      'share.exact is the bucket’s fraction of outstanding rounded half-up to 6 decimal places ("0.012500"); share.display is the percentage to 1 decimal, the buckets summing to exactly 100.0 (largest remainder). Exports write the same fractions.',
  })
  @ApiReportResponses(AgingReportDto)
  aging(@CurrentActor() actor: Actor, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return respond(
      reply,
      this.exports.run(actor, 'aging', q, () => this.others.aging(actor, q)),
    );
  }

  @Get('loans')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Loan list as of a date (what auditors sample from); JSON pages, a file holds every loan' })
  @ApiReportResponses(LoanListReportDto)
  loans(@CurrentActor() actor: Actor, @Query() q: LoanListReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return respond(
      reply,
      this.exports.run(actor, 'loans', q, () => this.others.loanList(actor, q)),
    );
  }

  @Get('capital-sources')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Per capital source: capital, disbursed, repaid, outstanding, available, interest earned' })
  @ApiReportResponses(CapitalSourceReportDto)
  capitalSources(@CurrentActor() actor: Actor, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return respond(
      reply,
      this.exports.run(actor, 'capital-sources', q, () => this.others.capitalSources(actor, q)),
    );
  }

  @Get('reconciliation')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Ledger against loan balances on any date' })
  @ApiReportResponses(ReconciliationReportDto)
  reconciliation(@CurrentActor() actor: Actor, @Query() q: ReconciliationQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return respond(
      reply,
      this.exports.run(actor, 'reconciliation', q, () => this.others.reconciliationOn(actor, q)),
    );
  }
}
