import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';
import { DIMENSIONS, type Dimension } from '../services/dimensions.sql.js';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const toArray = ({ value }: { value: unknown }): unknown => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2025-12-31', description: 'Report date; defaults to the last closed business date' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, example: 'json', default: 'json', description: 'json, or a file: csv (UTF-8 with BOM), xlsx, pdf' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class PortfolioQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '2021-01-01', description: 'Start of the period for turnover and collections; defaults to 1 January of asOf' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'End of the period (inclusive); defaults to asOf' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({
    enum: DIMENSIONS,
    isArray: true,
    example: ['sector'],
    description: 'Repeat to cross two dimensions: ?groupBy=sector&groupBy=debtGroup',
  })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(DIMENSIONS, { each: true })
  groupBy?: Dimension[];
}

export class LoanListReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-12-31', description: 'Report date; defaults to the last closed business date' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, example: 'json', description: 'A file export holds every loan, not one page' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class ReconciliationQueryDto extends AsOfQueryDto {}
