import { ApiProperty } from '@nestjs/swagger';

export class ShareDto {
  @ApiProperty({ example: '0.650000', description: 'Fraction of the total (amount ÷ total), rounded half-up to 6 decimal places' })
  exact: string;

  @ApiProperty({ example: '65.0', description: 'Percentage to one decimal; the rows add up to exactly 100.0 (largest remainder)' })
  display: string;
}

export class ShareMethodDto {
  @ApiProperty({ example: 'LARGEST_REMAINDER' })
  method: string;

  @ApiProperty({ example: 1, description: 'Decimal places of the displayed percentages' })
  decimals: number;

  @ApiProperty({ example: 6, description: 'Decimal places of the exact shares (fractions, rounded half-up)' })
  exactDecimals: number;

  @ApiProperty({
    example:
      'Exact shares are amount ÷ total, rounded half-up to 6 decimal places; displayed percentages are floored to 0.1 and the missing tenths go to the largest remainders, so they sum to exactly 100.0.',
  })
  description: string;
}

export class PortfolioFiguresDto {
  @ApiProperty({ example: 504, description: 'Lượt vay: loans with a disbursement in the period' })
  loanCount: number;

  @ApiProperty({ example: 312, description: 'Borrowers of those loans' })
  borrowerCount: number;

  @ApiProperty({ example: 287, description: 'Loans with outstanding principal on asOf' })
  outstandingLoanCount: number;

  @ApiProperty({ example: 190, description: 'Borrowers with outstanding principal on asOf' })
  outstandingBorrowerCount: number;

  @ApiProperty({ example: '236480000000', description: 'Doanh số cho vay: disbursed in the period (ledger)' })
  turnover: string;

  @ApiProperty({ example: '120500000000', description: 'Doanh số thu nợ gốc: principal collected in the period (ledger)' })
  principalCollected: string;

  @ApiProperty({ example: '18250000000', description: 'Interest and penalty interest collected in the period (ledger)' })
  interestCollected: string;

  @ApiProperty({ example: '98750000000', description: 'Dư nợ: outstanding principal on asOf' })
  outstanding: string;

  @ApiProperty({ example: '1250000000', description: 'Overdue principal on asOf' })
  overduePrincipal: string;

  @ApiProperty({ example: '85000000', description: 'Billed interest unpaid after its due date on asOf' })
  overdueInterest: string;

  @ApiProperty({ example: '12500000', description: 'Interest on overdue principal and late interest owed on asOf' })
  penaltyInterest: string;

  @ApiProperty({ example: '2100000000', description: 'Nợ xấu: outstanding of loans in groups 3–5' })
  badDebt: string;

  @ApiProperty({ example: '0.021307', description: 'Bad debt ÷ outstanding, a fraction rounded half-up to 6 decimal places' })
  badDebtRatio: string;

  @ApiProperty({ example: '0.021307', description: 'PAR30: outstanding of loans ≥ 30 DPD ÷ outstanding, a fraction rounded half-up to 6 decimal places' })
  par30: string;

  @ApiProperty({ example: '0.009160', description: 'PAR90: outstanding of loans ≥ 90 DPD ÷ outstanding, a fraction rounded half-up to 6 decimal places' })
  par90: string;

  @ApiProperty({ example: '950000000' })
  specificProvision: string;

  @ApiProperty({ example: '480000000' })
  generalProvision: string;
}

export class PortfolioRowDto extends PortfolioFiguresDto {
  @ApiProperty({
    example: {
      sector: { code: 'A', classificationVersion: 'VSIC2018', nameVi: 'Nông nghiệp, lâm nghiệp và thủy sản', nameEn: 'Agriculture, forestry and fishing' },
    },
  })
  keys: Record<string, Record<string, string | null>>;

  @ApiProperty({ type: ShareDto })
  shareOfOutstanding: ShareDto;

  @ApiProperty({ type: ShareDto })
  shareOfTurnover: ShareDto;
}

export class PortfolioReportDto {
  @ApiProperty({ example: 'PORTFOLIO' })
  report: string;

  @ApiProperty({ example: '2025-12-31' })
  asOf: string;

  @ApiProperty({ example: '2021-01-01' })
  from: string;

  @ApiProperty({ example: '2025-12-31' })
  to: string;

  @ApiProperty({ example: 'LIVE', description: 'SNAPSHOT (month-end close), LIVE (last closed date) or RECONSTRUCTED (ledger + engine replay)' })
  source: string;

  @ApiProperty({ example: ['sector'] })
  groupBy: string[];

  @ApiProperty({ example: 'MICROFINANCE', description: 'Classification policy in force on asOf' })
  policy: string;

  @ApiProperty({ type: ShareMethodDto })
  shareMethod: ShareMethodDto;

  @ApiProperty({ type: [PortfolioRowDto] })
  rows: PortfolioRowDto[];

  @ApiProperty({ type: PortfolioFiguresDto })
  totals: PortfolioFiguresDto;
}

export class ExportAcceptedDto {
  @ApiProperty({ example: '6f1c1e5e-8a1f-4d7e-9a53-3c3f1b0d2a11' })
  id: string;

  @ApiProperty({ example: 'QUEUED' })
  status: string;

  @ApiProperty({ example: 0 })
  progress: number;

  @ApiProperty({ type: Number, example: 120000, nullable: true, description: 'Rows the export writes' })
  rowCount: number | null;

  @ApiProperty({ example: '/api/v1/report-exports/6f1c1e5e-8a1f-4d7e-9a53-3c3f1b0d2a11' })
  statusUrl: string;

  @ApiProperty({ example: '/api/v1/report-exports/6f1c1e5e-8a1f-4d7e-9a53-3c3f1b0d2a11/download' })
  downloadUrl: string;
}

export class ExportStatusDto extends ExportAcceptedDto {
  @ApiProperty({ example: 'loans', description: 'The report exported' }) report: string;
  @ApiProperty({ example: 'xlsx', enum: ['csv', 'xlsx', 'pdf'] }) format: string;
  @ApiProperty({ type: String, example: null, nullable: true, description: 'Why the export FAILED; null otherwise' }) error: string | null;
}
