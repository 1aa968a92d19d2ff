import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';

// The series as the service computes it; the DTO classes below document it for OpenAPI.
export interface MonthlySeriesPoint {
  month: string;
  monthEnd: string;
  outstanding: string;
  turnover: string;
  principalCollected: string;
  interestCollected: string;
}

export interface MonthlySeries {
  report: 'MONTHLY_SERIES';
  from: string;
  to: string;
  months: MonthlySeriesPoint[];
}

export class MonthlySeriesQueryDto {
  @ApiPropertyOptional({ example: '2021-01-01', description: 'Any day of the first month; defaults to the month of the first loan entry' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last day of the series (the last month ends here); defaults to the last closed business date' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

export class MonthlySeriesPointDto implements MonthlySeriesPoint {
  @ApiProperty({ example: '2025-12' }) month: string;
  @ApiProperty({ example: '2025-12-31', description: 'The month’s last day, or `to` in the last month' }) monthEnd: string;
  @ApiProperty({ example: '58174679509', description: 'Outstanding principal at monthEnd (ledger by value date), VND' }) outstanding: string;
  @ApiProperty({ example: '4200000000', description: 'Disbursed in the month (doanh số cho vay), VND' }) turnover: string;
  @ApiProperty({ example: '3100000000', description: 'Principal collected in the month, reversals netted, VND' }) principalCollected: string;
  @ApiProperty({ example: '350000000', description: 'Interest and penalty interest collected in the month, VND' }) interestCollected: string;
}

export class MonthlySeriesDto implements MonthlySeries {
  @ApiProperty({ enum: ['MONTHLY_SERIES'], example: 'MONTHLY_SERIES' }) report: 'MONTHLY_SERIES';
  @ApiProperty({ example: '2021-01-01', description: 'First day of the first month' }) from: string;
  @ApiProperty({ example: '2025-12-31' }) to: string;
  @ApiProperty({ type: [MonthlySeriesPointDto], description: 'Every month from `from` to `to`, also those without movements' }) months: MonthlySeriesPointDto[];
}
