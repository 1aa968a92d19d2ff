import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/index.js';

export const APPROVAL_KINDS = ['APPLICATION', 'RESTRUCTURING', 'WRITE_OFF', 'RECALL'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export class ApprovalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPROVAL_KINDS, example: 'APPLICATION' })
  @IsOptional()
  @IsIn(APPROVAL_KINDS)
  kind?: ApprovalKind;
}

export class PreparerDto {
  @ApiProperty({ example: '5' }) userId: string;
  @ApiProperty({ example: 'officer.lan' }) username: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) displayName: string;
}

/** One case awaiting a decision, with everyone who prepared it (none of them may decide it: four eyes). */
export class ApprovalItemDto {
  @ApiProperty({ enum: APPROVAL_KINDS, example: 'APPLICATION' }) kind: ApprovalKind;
  @ApiProperty({ example: '12', description: 'The application, restructuring, write-off or recall case id' }) id: string;
  @ApiProperty({ example: '12', description: 'The application (for a restructuring or write-off: the loan’s application)' }) applicationId: string;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The loan of a restructuring or write-off' }) loanId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) contractNumber: string | null;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: '800000000', description: 'Requested amount of an application; outstanding principal of a loan' }) amount: string;
  @ApiProperty({ example: null, nullable: true, type: String, enum: ['ADJUSTMENT', 'EXTENSION'], description: 'A restructuring’s type' }) restructuringType:
    string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z', description: 'When it entered the queue (last appraisal, or the proposal)' }) preparedAt: string;
  @ApiProperty({
    type: PreparerDto,
    isArray: true,
    description: 'Creator, submitter and appraisers of an application; proposer of a restructuring or write-off',
  })
  preparedBy: PreparerDto[];
  @ApiProperty({ example: false, description: 'The acting user prepared it, so may not decide it' }) preparedByMe: boolean;
}
