import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';
import { IsPercentString, IsVndAmount } from '../../../platform/money/index.js';
import { FREQUENCIES, type Frequency } from '../../products/index.js';
import { CLASSIFICATION_VERSIONS, type ClassificationVersion } from '../../reference/index.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../domain/application-transitions.js';

const ID = /^[1-9]\d{0,18}$/;

export class CreateLoanApplicationDto {
  @ApiProperty({ example: '1' })
  @Matches(ID)
  borrowerId: string;

  @ApiProperty({ example: '1', description: 'The product; the application keeps its current version' })
  @Matches(ID)
  productId: string;

  @ApiProperty({ example: '1' })
  @Matches(ID)
  capitalSourceId: string;

  @ApiProperty({ example: '800000000' })
  @IsVndAmount()
  requestedAmount: string;

  @ApiProperty({ example: 24 })
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths: number;

  @ApiProperty({ enum: FREQUENCIES, example: 'QUARTERLY' })
  @IsIn(FREQUENCIES)
  repaymentFrequency: Frequency;

  @ApiProperty({ example: 'Mở rộng vùng chè an toàn 12 ha' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  purpose: string;

  @ApiProperty({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2018', description: 'The loan’s sector, may differ from the borrower’s' })
  @IsIn(CLASSIFICATION_VERSIONS)
  sectorVersion: ClassificationVersion;

  @ApiProperty({ example: 'A' })
  @Matches(/^[A-Z]$/)
  sectorCode: string;

  @ApiProperty({ example: '1000000000', description: 'The plan’s total investment' })
  @IsVndAmount()
  totalInvestment: string;

  @ApiProperty({ example: '200000000' })
  @IsVndAmount({ allowZero: true })
  ownContribution: string;

  @ApiPropertyOptional({ example: 'Quyền sử dụng đất 2.000 m² tại xã Tân Cương' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  collateralDescription?: string;

  @ApiPropertyOptional({ example: '1200000000' })
  @IsOptional()
  @IsVndAmount({ allowZero: true })
  collateralValue?: string;

  @ApiPropertyOptional({ example: false, default: false })
  @IsOptional()
  @IsBoolean()
  collateralExempt?: boolean;

  @ApiPropertyOptional({ example: 'Miễn tài sản bảo đảm theo quy chế cho vay nội bộ' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  collateralExemptionReason?: string;

  @ApiPropertyOptional({
    example: 'Quy chế cho vay 01/2025/QC-QHT, Điều 12',
    maxLength: 300,
    description: 'The internal regulation the exemption rests on (Decree 45 Art. 31)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  collateralExemptionRegulation?: string;

  @ApiPropertyOptional({ example: 'QĐ 15/QĐ-QHT ngày 20/11/2026 của Giám đốc', maxLength: 300, description: 'The approver’s decision granting the exemption' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  collateralExemptionDecision?: string;

  @ApiPropertyOptional({ example: 'CIC-2026-001234', description: 'Credit report attesting no bad debt (Decree 45 Art. 22)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  creditReportReference?: string;

  @ApiPropertyOptional({ example: '2026-11-15' })
  @IsOptional()
  @IsLocalDate()
  creditReportDate?: string;
}

/** Work queues (the home page's counts): to appraise = submitted, or under appraisal with no appraisal yet; awaiting approval = appraised. */
export const APPLICATION_QUEUES = ['to-appraise', 'awaiting-approval'] as const;
export type ApplicationQueue = (typeof APPLICATION_QUEUES)[number];

export class LoanApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_QUEUES, example: 'to-appraise' })
  @IsOptional()
  @IsIn(APPLICATION_QUEUES)
  queue?: ApplicationQueue;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'SUBMITTED' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Matches(ID)
  borrowerId?: string;
}

export class ApproveApplicationDto {
  @ApiProperty({ example: '800000000' })
  @IsVndAmount()
  approvedAmount: string;

  @ApiProperty({ example: 24 })
  @IsInt()
  @Min(1)
  @Max(600)
  approvedTermMonths: number;

  @ApiProperty({ example: '7.2' })
  @IsPercentString()
  approvedRatePercent: string;

  @ApiPropertyOptional({ example: 'Đồng ý cho vay theo đề xuất thẩm định' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectApplicationDto {
  @ApiProperty({ example: 'Phương án kinh doanh chưa khả thi' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class TransitionNoteDto {
  @ApiPropertyOptional({ example: 'HTX rút hồ sơ để bổ sung phương án' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class StatusHistoryDto {
  @ApiProperty({ example: 'DRAFT', nullable: true, enum: APPLICATION_STATUSES }) fromStatus: ApplicationStatus | null;
  @ApiProperty({ example: 'SUBMITTED', enum: APPLICATION_STATUSES }) toStatus: ApplicationStatus;
  @ApiProperty({ example: '5', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ example: 'officer.lan' }) actorUsername: string;
  @ApiProperty({ example: null, nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) occurredAt: string;
}

export class LoanApplicationDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'APPROVED' }) status: ApplicationStatus;
  @ApiProperty({ example: '1' }) borrowerId: string;
  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: '1' }) productId: string;
  @ApiProperty({ example: 'Cho vay sản xuất nông nghiệp', description: 'Name in the application’s product version' }) productName: string;
  @ApiProperty({ example: '3' }) productVersionId: string;
  @ApiProperty({ example: 2 }) productVersion: number;
  @ApiProperty({ example: '1' }) capitalSourceId: string;
  @ApiProperty({ example: '800000000' }) requestedAmount: string;
  @ApiProperty({ example: 24 }) termMonths: number;
  @ApiProperty({ enum: FREQUENCIES, example: 'QUARTERLY' }) repaymentFrequency: Frequency;
  @ApiProperty({ example: 'Mở rộng vùng chè an toàn 12 ha' }) purpose: string;
  @ApiProperty({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2018' }) sectorVersion: ClassificationVersion;
  @ApiProperty({ example: 'A' }) sectorCode: string;
  @ApiProperty({ example: '1000000000' }) totalInvestment: string;
  @ApiProperty({ example: '200000000' }) ownContribution: string;
  @ApiProperty({ example: 'Quyền sử dụng đất 2.000 m²', nullable: true, type: String }) collateralDescription: string | null;
  @ApiProperty({ example: '1200000000', nullable: true, type: String }) collateralValue: string | null;
  @ApiProperty({ example: false }) collateralExempt: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) collateralExemptionReason: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) collateralExemptionRegulation: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) collateralExemptionDecision: string | null;
  @ApiProperty({ example: 'CIC-2026-001234', nullable: true, type: String }) creditReportReference: string | null;
  @ApiProperty({ example: '2026-11-15', nullable: true, type: String }) creditReportDate: string | null;
  @ApiProperty({ example: '5', nullable: true, type: String }) createdBy: string | null;
  @ApiProperty({ example: '5', nullable: true, type: String }) submittedBy: string | null;
  @ApiProperty({ example: '7', nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ example: '2026-11-22', nullable: true, type: String }) decisionDate: string | null;
  @ApiProperty({ example: '800000000', nullable: true, type: String }) approvedAmount: string | null;
  @ApiProperty({ example: 24, nullable: true, type: Number }) approvedTermMonths: number | null;
  @ApiProperty({ example: '7.2', nullable: true, type: String }) approvedRatePercent: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ example: '12', nullable: true, type: String, description: 'The loan contracted from this application, once there is one' }) loanId:
    string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) updatedAt: string;
  @ApiProperty({ type: StatusHistoryDto, isArray: true }) statusHistory: StatusHistoryDto[];
}
