import { ApiProperty } from '@nestjs/swagger';

/** What every page's header shows: the fund and its open business date (web-design.md "Layout"). */
export class WorkspaceDto {
  @ApiProperty({ example: 'Quỹ Hỗ trợ phát triển hợp tác xã tỉnh Thái Nguyên' }) fundName: string;
  @ApiProperty({ example: '19', description: 'The fund’s province (Decision 19/2025/QĐ-TTg)' }) provinceCode: string;
  @ApiProperty({ example: '2025-04-21', description: 'The open business day (ngày làm việc)' }) businessDate: string;
  @ApiProperty({ example: '2025-04-20' }) lastClosedDate: string;
}

export class DpdBucketDto {
  @ApiProperty({ example: 1, description: 'Lowest days past due in the bucket' }) fromDays: number;
  @ApiProperty({ example: 9, nullable: true, type: Number, description: 'Highest days past due, null for the open-ended last bucket' }) toDays: number | null;
  @ApiProperty({ example: 3 }) loans: number;
  @ApiProperty({ example: '125000000', description: 'Overdue principal and billed interest of those loans as of the last close, VND' }) overdueAmount: string;
}

export class LastCloseDto {
  @ApiProperty({ example: '2025-04-20' }) businessDate: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'], example: 'SUCCEEDED' }) status: string;
  @ApiProperty({ example: '2025-04-21T00:05:12.000Z', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ example: 504 }) loansTotal: number;
  @ApiProperty({ example: 504 }) loansDone: number;
}

/** The counts of the home page's work queues; each links to the list that holds the items. */
export class WorkQueuesDto {
  @ApiProperty({ example: '2025-04-21' }) businessDate: string;
  @ApiProperty({ example: 2, description: 'Applications submitted or under appraisal with no appraisal recorded yet' }) applicationsToAppraise: number;
  @ApiProperty({ example: 1, description: 'Applications under appraisal with an appraisal: waiting for an approver' }) applicationsAwaitingApproval: number;
  @ApiProperty({ example: 0, description: 'Restructurings proposed, waiting for an approver' }) restructuringsAwaitingApproval: number;
  @ApiProperty({ example: 0, description: 'Write-offs proposed, waiting for an approver' }) writeOffsAwaitingApproval: number;
  @ApiProperty({ example: 0, description: 'Recall cases (thu hồi nợ trước hạn) proposed after a misuse finding, waiting for an approver' })
  recallsAwaitingApproval: number;
  @ApiProperty({
    example: 2,
    description: 'Active collateral assets whose valuation, registration or insurance expires within the warning days or has expired',
  })
  collateralExpiring: number;
  @ApiProperty({ example: 0, description: 'Collateral releases (giải chấp) proposed, waiting for an approver' }) collateralReleasesAwaitingApproval: number;
  @ApiProperty({ example: 3, description: 'Disbursements whose use is to be inspected, within the product’s window' }) inspectionsDue: number;
  @ApiProperty({ example: 1, description: 'Disbursements whose inspection window has passed without a recorded visit' }) inspectionsOverdue: number;
  @ApiProperty({ example: 1, description: 'Approved applications without a contract, and contracted loans not fully disbursed before their first tranche' })
  approvedNotDisbursed: number;
  @ApiProperty({ example: 7, description: 'ACTIVE loans with days past due > 0' }) overdueLoans: number;
  @ApiProperty({
    type: DpdBucketDto,
    isArray: true,
    description: 'Overdue ACTIVE loans by days past due (1–9, 10–29, 30–89, 90–179, 180 and more: the default debt-group thresholds)',
  })
  overdueByDpd: DpdBucketDto[];
  @ApiProperty({ example: 1, description: 'Repayment imports with at least one UNMATCHED line' }) importsWithUnmatchedLines: number;
  @ApiProperty({ example: 4, description: 'UNMATCHED lines across those imports' }) unmatchedLines: number;
  @ApiProperty({ type: LastCloseDto, nullable: true, description: 'The latest close of business run, null before the first' }) lastClose: LastCloseDto | null;
}
