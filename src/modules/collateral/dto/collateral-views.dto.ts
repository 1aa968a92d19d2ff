import { ApiProperty } from '@nestjs/swagger';
import { GuaranteeDto } from './guarantee.dto.js';

export const EXPIRY_STATES = ['OK', 'DUE_SOON', 'EXPIRED'] as const;

export class ValuationDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '2026-11-20' }) valuationDate: string;
  @ApiProperty({ example: '1200000000' }) value: string;
  @ApiProperty({ example: 'MARKET_COMPARISON' }) method: string;
  @ApiProperty({ example: 'FUND' }) valuerKind: string;
  @ApiProperty({ example: 'Tổ thẩm định Quỹ' }) valuerName: string;
  @ApiProperty({ example: null, nullable: true, type: String }) note: string | null;
}

export class RegistrationDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'Văn phòng đăng ký đất đai tỉnh Thái Nguyên' }) office: string;
  @ApiProperty({ example: 'ĐKTC-2026-00123' }) registrationNumber: string;
  @ApiProperty({ example: '2026-11-21' }) registrationDate: string;
  @ApiProperty({ example: null, nullable: true, type: String }) expiryDate: string | null;
  @ApiProperty({ example: 'Nghị định 99/2022/NĐ-CP' }) legalBasis: string;
  @ApiProperty({ enum: EXPIRY_STATES, example: 'OK' }) state: string;
}

export class InsuranceDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'Bảo Việt Thái Nguyên' }) insurer: string;
  @ApiProperty({ example: 'BV-TS-2026-0456' }) policyNumber: string;
  @ApiProperty({ example: '900000000', nullable: true, type: String }) insuredValue: string | null;
  @ApiProperty({ example: '2026-11-21' }) startDate: string;
  @ApiProperty({ example: '2027-11-20' }) expiryDate: string;
  @ApiProperty({ enum: EXPIRY_STATES, example: 'OK' }) state: string;
}

export class PledgeDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '1' }) assetId: string;
  @ApiProperty({ example: '12', nullable: true, type: String }) applicationId: string | null;
  @ApiProperty({ example: '7', nullable: true, type: String }) loanId: string | null;
  @ApiProperty({ example: 'HĐTD-2026-000007', nullable: true, type: String }) contractNumber: string | null;
  @ApiProperty({ example: '700000000' }) allocatedValue: string;
  @ApiProperty({ example: '700000000', description: 'What it counts for: scaled down when the value in force fell below the allocations' })
  effectiveValue: string;
  @ApiProperty({ example: 'ACTIVE' }) status: string;
}

export class ReleaseDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '1' }) assetId: string;
  @ApiProperty({ example: 'Quyền sử dụng đất 2.000 m²' }) assetDescription: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: 'Khoản vay đã tất toán' }) reason: string;
  @ApiProperty({ enum: ['PROPOSED', 'APPROVED', 'REJECTED'], example: 'PROPOSED' }) status: string;
  @ApiProperty({ example: '5' }) proposedBy: string;
  @ApiProperty({ example: 'officer1' }) proposedByUsername: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'The proposer’s display name, as the queue and the printed release show it' }) proposedByName: string;
  @ApiProperty({ example: '2026-11-21T02:00:00.000Z' }) proposedAt: string;
  @ApiProperty({ example: null, nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The approver’s display name once decided' }) decidedByName: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decisionDate: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) documentNumber: string | null;
}

export class EnforcementDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '1' }) assetId: string;
  @ApiProperty({ example: '7' }) loanId: string;
  @ApiProperty({ example: 'SALE' }) method: string;
  @ApiProperty({ example: '2026-11-25' }) valueDate: string;
  @ApiProperty({ example: '950000000' }) proceeds: string;
  @ApiProperty({ example: '15000000' }) costs: string;
  @ApiProperty({ example: '935000000', description: 'proceeds − costs, posted as a repayment of the loan' }) recovery: string;
  @ApiProperty({ example: 'BB-XLTS-2026-01' }) reference: string;
  @ApiProperty({ example: '42', description: 'The repayment the recovery was recorded as' }) repaymentId: string;
}

export class AssetDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: 'REAL_ESTATE' }) type: string;
  @ApiProperty({ example: '0.5', description: 'The provisioning discount rate of the type (fraction)' }) discountRate: string;
  @ApiProperty({ example: 'LAND_USE_RIGHT' }) kind: string;
  @ApiProperty({ example: 'Quyền sử dụng đất 2.000 m²' }) description: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { certificateNumber: 'CS 01234' } }) identifiers: Record<string, string>;
  @ApiProperty({ example: 'BORROWER' }) ownerKind: string;
  @ApiProperty({ example: null, nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) ownerIdNumber: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) ownerRelationship: string | null;
  @ApiProperty({ enum: ['ACTIVE', 'RELEASED', 'ENFORCED'], example: 'ACTIVE' }) status: string;
  @ApiProperty({ example: '1200000000', nullable: true, type: String, description: 'The latest valuation' }) valueInForce: string | null;
  @ApiProperty({ example: '2026-11-20', nullable: true, type: String }) valuationDate: string | null;
  @ApiProperty({ example: '2027-11-20', nullable: true, type: String, description: 'Valuation date + the revaluation period' }) revaluationDue: string | null;
  @ApiProperty({ enum: EXPIRY_STATES, example: 'OK', description: 'EXPIRED = the valuation is stale (older than the revaluation period)' })
  valuationState: string;
  @ApiProperty({ example: '700000000', description: 'Σ active allocations' }) allocated: string;
  @ApiProperty({ example: '500000000', description: 'What is left to allocate' }) headroom: string;
  @ApiProperty({ type: ValuationDto, isArray: true, description: 'Newest first' }) valuations: ValuationDto[];
  @ApiProperty({ type: PledgeDto, isArray: true }) pledges: PledgeDto[];
  @ApiProperty({ type: RegistrationDto, nullable: true, description: 'The latest registration' }) registration: RegistrationDto | null;
  @ApiProperty({ type: InsuranceDto, nullable: true, description: 'The latest insurance' }) insurance: InsuranceDto | null;
  @ApiProperty({ type: ReleaseDto, isArray: true }) releases: ReleaseDto[];
  @ApiProperty({ type: EnforcementDto, isArray: true }) enforcements: EnforcementDto[];
  @ApiProperty({ example: '2026-11-20T02:00:00.000Z' }) createdAt: string;
}

export class CoverDto {
  @ApiProperty({ example: true, description: 'The product requires collateral' }) required: boolean;
  @ApiProperty({ example: false, description: 'Exempt under the internal regulation with the approver’s decision' }) exempt: boolean;
  @ApiProperty({ enum: ['DISCOUNTED', 'LTV'], example: 'DISCOUNTED' }) basis: string;
  @ApiProperty({ example: '100', description: 'Minimum cover % (DISCOUNTED)' }) minCoverPercent: string;
  @ApiProperty({ example: '70', description: 'Maximum LTV % (LTV)' }) maxLtvPercent: string;
  @ApiProperty({
    example: '500000000',
    description: 'The exposure measured: the outstanding principal, the approved amount before the first disbursement, an application’s amount',
  })
  exposure: string;
  @ApiProperty({ example: '1200000000' }) collateralValue: string;
  @ApiProperty({ example: '600000000' }) discountedValue: string;
  @ApiProperty({ example: '500000000' }) requiredValue: string;
  @ApiProperty({ example: '600000000' }) actualValue: string;
  @ApiProperty({ example: '120', nullable: true, type: String, description: 'Cover % (DISCOUNTED) or LTV % (LTV)' }) ratioPercent: string | null;
  @ApiProperty({ example: true, description: 'Meets the minimum, or nothing is required' }) passed: boolean;
}

export class LoanCollateralDto {
  @ApiProperty({ example: '7' }) loanId: string;
  @ApiProperty({ type: CoverDto }) cover: CoverDto;
  @ApiProperty({ type: AssetDto, isArray: true }) assets: AssetDto[];
  @ApiProperty({ type: GuaranteeDto, isArray: true }) guarantees: GuaranteeDto[];
  @ApiProperty({ example: 1, description: 'Assets whose valuation is stale or whose registration or insurance expired' }) staleCount: number;
}

export class CollateralSettingsDto {
  @ApiProperty({ example: 12, description: 'Revaluation period, months' }) revaluationMonths: number;
  @ApiProperty({ example: 30, description: 'Days before an expiry it shows in the queue and the reminders' }) expiryWarningDays: number;
  @ApiProperty({ example: true, description: 'A guarantor who is a borrower counts with the borrower in the 25% related-persons limit' })
  guarantorsInGroupLimit: boolean;
}
