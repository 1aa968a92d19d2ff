import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../../../platform/http/index.js';
import { Roles } from '../../../platform/actor/index.js';
import {
  CollateralCoverReportDto,
  CollateralExpiriesReportDto,
  CollateralProvisionsReportDto,
  CollateralReportQueryDto,
} from '../dto/collateral-reports.dto.js';
import { CollateralReportsService } from '../services/collateral-reports.service.js';
import { REPORT_READERS } from './reports.controller.js';

/** Collateral reports (docs/collateral.md "Reports"). */
@ApiTags('reports')
@Controller('reports')
export class CollateralReportsController {
  constructor(private readonly reports: CollateralReportsService) {}

  @Get('collateral-cover')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Collateral cover by loan and for the portfolio, as of a date' })
  @ApiOkResponse({ type: CollateralCoverReportDto })
  cover(@Query() q: CollateralReportQueryDto): Promise<CollateralCoverReportDto> {
    return this.reports.cover(q);
  }

  @Get('collateral-expiries')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Active assets whose valuation is stale or whose registration or insurance expired, as of a date' })
  @ApiOkResponse({ type: CollateralExpiriesReportDto })
  expiries(@Query() q: CollateralReportQueryDto): Promise<CollateralExpiriesReportDto> {
    return this.reports.expiries(q);
  }

  @Get('collateral-provisions')
  @Roles(...REPORT_READERS)
  @RateLimited('reports')
  @ApiOperation({ summary: 'Specific provisions before and after the collateral deduction, loan by loan, on the last closed day' })
  @ApiOkResponse({ type: CollateralProvisionsReportDto })
  provisions(): Promise<CollateralProvisionsReportDto> {
    return this.reports.provisions();
  }
}
