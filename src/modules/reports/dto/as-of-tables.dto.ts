import { ApiProperty } from '@nestjs/swagger';
import { CAPITAL_SOURCE_KINDS } from '../../funds/index.js';
import { pageDtoOf } from '../../../platform/http/index.js';
import type { AgingReport, CapitalSourceReport, LoanListItem, ReconciliationReport } from '../services/as-of-tables.service.js';
import { ShareDto, ShareMethodDto } from './report-views.dto.js';

// The JSON answers of as-of-tables.service.ts; each class implements the service's own type,
// so a change to what the service returns breaks the build here, not the generated client.

type AgingRow = AgingReport['rows'][number];
type AgingTotals = AgingReport['totals'];
type CapitalSourceRow = CapitalSourceReport['rows'][number];
type ReportMismatch = ReconciliationReport['mismatches'][number];
type ReconciliationCache = ReconciliationReport['cache'];

const SOURCE = {
  example: 'LIVE',
  enum: ['SNAPSHOT', 'LIVE', 'RECONSTRUCTED'],
  description: 'SNAPSHOT (month-end close), LIVE (last closed date) or RECONSTRUCTED (ledger + engine replay)',
};

export class AgingRowDto implements AgingRow {
  @ApiProperty({ example: 'DPD_1_9', enum: ['CURRENT', 'DPD_1_9', 'DPD_10_29', 'DPD_30_89', 'DPD_90_179', 'DPD_180_PLUS'] }) bucket: string;
  @ApiProperty({ example: 1, description: 'Fewest days past due in the bucket' }) minDpd: number;
  @ApiProperty({ example: 12 }) loanCount: number;
  @ApiProperty({ example: '1250000000', description: 'Outstanding principal, VND' }) outstanding: string;
  @ApiProperty({ example: '85000000', description: 'Overdue principal, VND' }) overduePrincipal: string;
  @ApiProperty({ type: ShareDto, description: 'Share of the outstanding' }) share: ShareDto;
}

export class AgingTotalsDto implements AgingTotals {
  @ApiProperty({ example: 287 }) loanCount: number;
  @ApiProperty({ example: '98750000000' }) outstanding: string;
  @ApiProperty({ example: '1250000000' }) overduePrincipal: string;
}

export class AgingReportDto implements AgingReport {
  @ApiProperty({ enum: ['AGING'], example: 'AGING' }) report: 'AGING';
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty(SOURCE) source: string;
  @ApiProperty({ type: ShareMethodDto }) shareMethod: ShareMethodDto;
  @ApiProperty({ type: [AgingRowDto], description: 'Every bucket, in order, also when empty' }) rows: AgingRowDto[];
  @ApiProperty({ type: AgingTotalsDto }) totals: AgingTotalsDto;
}

export class LoanListItemDto implements LoanListItem {
  @ApiProperty({ example: '42' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000042' }) contractNumber: string;
  @ApiProperty({ example: '7' }) borrowerId: string;
  @ApiProperty({ example: 'HTX Nông nghiệp Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: 'COOPERATIVE' }) borrowerType: string;
  @ApiProperty({ example: '01110' }) sectorCode: string;
  @ApiProperty({ example: 'VSIC2018' }) sectorVersion: string;
  @ApiProperty({ example: '05443' }) communeCode: string;
  @ApiProperty({ example: 'Phường Phan Đình Phùng', nullable: true, type: String, description: 'The 2025 commune’s name' }) communeNameVi: string | null;
  @ApiProperty({ example: 'Phan Dinh Phung Ward', nullable: true, type: String }) communeNameEn: string | null;
  @ApiProperty({ example: 'ACTIVE' }) status: string;
  @ApiProperty({ example: '500000000', description: 'Disbursed by asOf, VND' }) disbursed: string;
  @ApiProperty({ example: '400000000' }) outstanding: string;
  @ApiProperty({ example: '0' }) overduePrincipal: string;
  @ApiProperty({ example: '0' }) overdueInterest: string;
  @ApiProperty({ example: '0' }) penaltyInterest: string;
  @ApiProperty({ example: 0 }) daysPastDue: number;
  @ApiProperty({ example: 1, minimum: 1, maximum: 5 }) debtGroup: number;
  @ApiProperty({ example: '0' }) specificProvision: string;
  @ApiProperty({ example: '3000000' }) generalProvision: string;
  @ApiProperty({
    example: 'Quỹ HTX Bắc Kạn',
    nullable: true,
    type: String,
    description: 'Fund of origin a book import tagged the loan with; null: the fund’s own book',
  })
  origin: string | null;
  @ApiProperty({ example: false, description: 'A contract brought in under older terms that break the product’s current limits, kept as signed' })
  legacyTerms: boolean;
  @ApiProperty({
    type: [String],
    example: [],
    description: 'The product rules a legacy contract breaks (product.term-max, product.rate-max…); empty otherwise',
  })
  legacyRules: string[];
}

export class LoanListReportDto extends pageDtoOf(LoanListItemDto) {
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty(SOURCE) source: string;
}

export class CapitalSourceReportRowDto implements CapitalSourceRow {
  @ApiProperty({ example: '1' }) capitalSourceId: string;
  @ApiProperty({ example: 'Vốn điều lệ' }) name: string;
  @ApiProperty({ enum: CAPITAL_SOURCE_KINDS, example: 'CHARTER_CAPITAL' }) kind: string;
  @ApiProperty({ example: false }) bearsCreditRisk: boolean;
  @ApiProperty({ example: '50000000000' }) capital: string;
  @ApiProperty({ example: '30000000000' }) disbursed: string;
  @ApiProperty({ example: '10000000000' }) repaid: string;
  @ApiProperty({ example: '20000000000' }) outstanding: string;
  @ApiProperty({ example: '30000000000', description: 'Capital − outstanding' }) available: string;
  @ApiProperty({ example: '1800000000' }) interestEarned: string;
}

export class CapitalSourceReportDto implements CapitalSourceReport {
  @ApiProperty({ enum: ['CAPITAL_SOURCES'], example: 'CAPITAL_SOURCES' }) report: 'CAPITAL_SOURCES';
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ type: [CapitalSourceReportRowDto] }) rows: CapitalSourceReportRowDto[];
}

export class ReportMismatchDto implements ReportMismatch {
  @ApiProperty({ example: '42' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000042' }) contractNumber: string;
  @ApiProperty({ example: 'PRINCIPAL_RECEIVABLE' }) account: string;
  @ApiProperty({ example: '400000000', description: 'From the loan’s events (or its cache on the last closed date), VND' }) loanBalance: string;
  @ApiProperty({ example: '400000000', description: 'From the journal, VND' }) ledger: string;
}

export class ReconciliationCacheDto implements ReconciliationCache {
  @ApiProperty({ example: 0 }) mismatches: number;
  @ApiProperty({ example: true, description: 'Whether the cache check ran (only on the last closed date)' }) checked: boolean;
}

export class ReconciliationReportDto implements ReconciliationReport {
  @ApiProperty({ enum: ['RECONCILIATION'], example: 'RECONCILIATION' }) report: 'RECONCILIATION';
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ example: 504 }) loansChecked: number;
  @ApiProperty({ example: '98750000000' }) ledgerPrincipal: string;
  @ApiProperty({ example: '98750000000' }) eventPrincipal: string;
  @ApiProperty({ type: [ReportMismatchDto], description: 'Empty when the ledger and the loans agree' }) mismatches: ReportMismatchDto[];
  @ApiProperty({ type: [String], example: [], description: 'Journal transactions valued by asOf that do not balance' }) unbalancedTransactions: string[];
  @ApiProperty({ type: ReconciliationCacheDto }) cache: ReconciliationCacheDto;
}
