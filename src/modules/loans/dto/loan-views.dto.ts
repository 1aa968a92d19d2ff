import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/index.js';

const ID = /^[1-9]\d{0,18}$/;

/** Why a due date moved: the day off's name in Vietnamese and English (docs/working-days.md). */
export class DayOffReasonDto {
  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)' }) vi: string;
  @ApiProperty({ example: 'Lunar New Year (day 1)' }) en: string;
}

export class LoanTermsDto {
  @ApiProperty({ example: '6', description: 'Annual rate, percent' }) annualInterestRatePercent: string;
  @ApiProperty({ example: '0.5', description: 'Annual ÷ 12, percent' }) monthlyInterestRatePercent: string;
  @ApiProperty({ example: '1.5' }) overdueMultiplier: string;
  @ApiProperty({ example: '10' }) lateInterestRatePercent: string;
  @ApiProperty({ example: 'EQUAL_PRINCIPAL' }) amortizationMethod: string;
  @ApiProperty({ example: 'MONTHLY' }) principalFrequency: string;
  @ApiProperty({ example: 'MONTHLY' }) interestFrequency: string;
  @ApiProperty({ example: 6 }) termMonths: number;
  @ApiProperty({ example: 0 }) gracePeriods: number;
  @ApiProperty({ example: '1' }) roundingUnit: string;
  @ApiProperty({ example: 3 }) maxTranches: number;
  @ApiProperty({ example: 'REDUCE_INSTALLMENT' }) prepaymentMode: string;
  @ApiProperty({ example: ['PENALTY', 'OVERDUE_INTEREST', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT'] }) allocationOrder: string[];
  @ApiProperty({
    example: 'NEXT_WORKING_DAY',
    enum: ['NONE', 'NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY'],
    description: 'Where a due date on a day off goes (docs/working-days.md)',
  })
  businessDayRule: string;
}

export class LoanDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'HĐTD-2025-000001' }) contractNumber: string;
  @ApiProperty({ example: 'ACTIVE', enum: ['PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF'] }) status: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: '1' }) applicationId: string;
  @ApiProperty({ example: '2' }) productVersionId: string;
  @ApiProperty({ example: '1' }) capitalSourceId: string;
  @ApiProperty({ example: { version: 'VSIC2018', code: 'A' } }) sector: { version: string; code: string };
  @ApiProperty({ example: '2025-03-05' }) signingDate: string;
  @ApiProperty({ example: '2025-03-10', nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ example: '2025-09-10', nullable: true, type: String }) maturityDate: string | null;
  @ApiProperty({ example: '600000000' }) approvedAmount: string;
  @ApiProperty({ type: LoanTermsDto }) terms: LoanTermsDto;
  @ApiProperty({ example: 1 }) trancheCount: number;
  @ApiProperty({ example: '600000000' }) principalDisbursed: string;
  @ApiProperty({ example: '500000000' }) outstandingPrincipal: string;
  @ApiProperty({ example: '904110', description: 'Accrued, not yet billed (rounded)' }) accruedInterest: string;
  @ApiProperty({ example: '3057534' }) billedUnpaidInterest: string;
  @ApiProperty({ example: '100000000' }) overduePrincipal: string;
  @ApiProperty({ example: '271233' }) overdueInterest: string;
  @ApiProperty({ example: '9214' }) lateInterest: string;
  @ApiProperty({ example: '2025-05-10', nullable: true, type: String }) nextDueDate: string | null;
  @ApiProperty({ example: '102465753', nullable: true, type: String }) nextDueAmount: string | null;
  @ApiProperty({ example: 10 }) daysPastDue: number;
  @ApiProperty({ example: 2, description: 'Debt group 1–5 (close of business)' }) debtGroup: number;
  @ApiProperty({ example: '2025-04-20', nullable: true, type: String, description: 'Figures are as of the end of this day' }) asOf: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({
    example: false,
    description: 'A contract brought in from an earlier book under older rules: its terms kept as signed although today’s product would refuse them',
  })
  legacyTerms: boolean;
  @ApiProperty({ type: [String], example: [], description: 'The product rules a legacy contract breaks (product.term-max, product.rate-max…)' })
  legacyRules: string[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Fund of origin of a loan brought in from another fund’s book' }) origin:
    string | null;
  @ApiPropertyOptional({ example: 'Hợp tác xã Chè Tân Cương', description: 'The borrower’s legal name (in lists)' }) borrowerName?: string;
}

export class InstallmentDto {
  @ApiProperty({ example: 1 }) seq: number;
  @ApiProperty({ example: '2025-04-10' }) dueDate: string;
  @ApiProperty({ example: '100000000' }) principal: string;
  @ApiProperty({ example: '3057534', description: 'Billed, or projected when not yet due' }) interest: string;
  @ApiProperty({ example: true }) billed: boolean;
  @ApiProperty({ example: '100000000' }) principalPaid: string;
  @ApiProperty({ example: '3057534' }) interestPaid: string;
  @ApiProperty({ example: 'PAID', enum: ['SCHEDULED', 'DUE', 'OVERDUE', 'PAID'] }) status: string;
  @ApiProperty({ example: '2025-04-10', description: 'The contractual due date (start date + k periods); equals dueDate unless it moved' })
  contractualDate: string;
  @ApiProperty({ example: false, description: "dueDate is the contractual date moved to a working day by the loan's business-day rule" }) moved: boolean;
  @ApiProperty({ type: DayOffReasonDto, nullable: true, example: null, description: "Why the contractual date is a day off (the holiday's name), when moved" })
  moveReason: DayOffReasonDto | null;
}

export class AllocationLineDto {
  @ApiProperty({ example: 'OVERDUE_PRINCIPAL' }) step: string;
  @ApiProperty({ example: 'PRINCIPAL' }) component: string;
  @ApiProperty({ example: 1, nullable: true, type: Number }) installmentSeq: number | null;
  @ApiProperty({ example: '100000000' }) amount: string;
}

export class LoanEventDto {
  @ApiProperty({ example: '7', description: 'Event id; journal-only postings (accruals, provisions) are "J" + transaction id' }) id: string;
  @ApiProperty({
    example: 'REPAYMENT',
    enum: ['DISBURSEMENT', 'REPAYMENT', 'SCHEDULE_CHANGE', 'OPENING_POSITION', 'ACCRUAL', 'PROVISION', 'WRITE_OFF', 'RECOVERY'],
  })
  kind: string;
  @ApiProperty({ example: '2025-04-21' }) valueDate: string;
  @ApiProperty({ example: '2025-04-21' }) bookingDate: string;
  @ApiProperty({ example: '103337981' }) amount: string;
  @ApiProperty({ example: 'UNC-2025-000123', nullable: true, type: String }) reference: string | null;
  @ApiProperty({ example: 'BANK_TRANSFER', nullable: true, type: String }) channel: string | null;
  @ApiProperty({ example: false }) reversed: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) reversalReason: string | null;
  @ApiProperty({ type: [AllocationLineDto] }) allocation: AllocationLineDto[];
  @ApiProperty({ example: '12', description: 'Journal transaction' }) journalTransactionId: string;
}

export class RepaymentResultDto {
  @ApiProperty({ type: LoanEventDto }) repayment: LoanEventDto;
  @ApiProperty({ example: { PRINCIPAL: '100000000', INTEREST: '3057534' }, description: 'Totals by component' }) totals: Record<string, string>;
  @ApiProperty({ type: LoanDto }) loan: LoanDto;
}

export class PayoffDto {
  @ApiProperty({ example: '2025-04-21' }) date: string;
  @ApiProperty({ example: '271233' }) overdueInterest: string;
  @ApiProperty({ example: '9214' }) lateInterest: string;
  @ApiProperty({ example: '3057534' }) billedInterest: string;
  @ApiProperty({ example: '904110' }) accruedInterest: string;
  @ApiProperty({ example: '100000000' }) duePrincipal: string;
  @ApiProperty({ example: '500000000' }) notDuePrincipal: string;
  @ApiProperty({ example: '604242091' }) total: string;
}

export class LoanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF'] })
  @IsOptional()
  @IsIn(['PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF'])
  status?: string;

  @ApiPropertyOptional({ example: '3' })
  @IsOptional()
  @Matches(ID)
  borrowerId?: string;

  @ApiPropertyOptional({ example: 'A', description: 'VSIC section of the loan purpose' })
  @IsOptional()
  @Matches(/^[A-Z]$/)
  sector?: string;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Matches(ID)
  capitalSourceId?: string;

  @ApiPropertyOptional({ example: '05593', description: 'Commune code of the borrower' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  commune?: string;

  @ApiPropertyOptional({ example: 'true', description: 'Only loans with days past due > 0 (true) or = 0 (false)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ example: '2025-0001', description: 'Part of the contract number (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  contractNumber?: string;

  @ApiPropertyOptional({ enum: ['newest', 'dpd'], default: 'newest', description: 'newest first, or the most days past due first' })
  @IsOptional()
  @IsIn(['newest', 'dpd'])
  sort?: 'newest' | 'dpd';
}
