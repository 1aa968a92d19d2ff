import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';

export class StatementQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day; defaults to the first disbursement' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last day; defaults to the last closed business date' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'pdf'], example: 'pdf', default: 'json' })
  @IsOptional()
  @IsIn(['json', 'pdf'])
  format?: 'json' | 'pdf';
}

export class StatementLineDto {
  @ApiProperty({ example: '2025-04-10' }) valueDate: string;
  @ApiProperty({ example: 'REPAYMENT', enum: ['DISBURSEMENT', 'REPAYMENT'] }) kind: string;
  @ApiProperty({ example: 'UNC-2025-000123' }) reference: string;
  @ApiProperty({ example: '103057534' }) amount: string;
  @ApiProperty({ example: '100000000', description: 'Principal added (disbursement) or repaid' }) principal: string;
  @ApiProperty({ example: '3057534' }) interest: string;
  @ApiProperty({ example: '0', description: 'Interest on overdue principal and late interest paid' }) penalty: string;
  @ApiProperty({ example: '500000000', description: 'Outstanding principal after the line' }) balance: string;
}

export class StatementScheduleLineDto {
  @ApiProperty({ example: 1 }) seq: number;
  @ApiProperty({ example: '2025-04-10' }) dueDate: string;
  @ApiProperty({ example: '100000000' }) principal: string;
  @ApiProperty({ example: '3057534' }) interest: string;
  @ApiProperty({ example: '100000000' }) principalPaid: string;
  @ApiProperty({ example: '3057534' }) interestPaid: string;
  @ApiProperty({ example: '2025-04-10', description: 'The contractual due date; dueDate differs when it moved to a working day (docs/working-days.md)' })
  contractualDate: string;
  @ApiProperty({ example: null, nullable: true, type: Object, description: 'Why the contractual date is a day off ({vi, en}), when moved' }) moveReason: {
    vi: string;
    en: string;
  } | null;
}

export class StatementDto {
  @ApiProperty({ example: '42' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000042' }) contractNumber: string;
  @ApiProperty({ example: 'Hợp tác xã chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: '2025-01-01' }) from: string;
  @ApiProperty({ example: '2025-12-31' }) to: string;
  @ApiProperty({ example: '600000000' }) openingBalance: string;
  @ApiProperty({ example: '400000000' }) closingBalance: string;
  @ApiProperty({ example: '0', description: 'Overdue principal at the end of `to`' }) overduePrincipal: string;
  @ApiProperty({ example: 0 }) daysPastDue: number;
  @ApiProperty({ type: [StatementLineDto] }) transactions: StatementLineDto[];
  @ApiProperty({ type: [StatementScheduleLineDto] }) schedule: StatementScheduleLineDto[];
}

export class VerificationDto {
  @ApiProperty({ example: true }) valid: boolean;
  @ApiProperty({ example: 'HĐTD-2025-000042' }) contractNumber: string;
  @ApiProperty({ example: '2025-01-01' }) from: string;
  @ApiProperty({ example: '2025-12-31' }) to: string;
  @ApiProperty({ example: '400000000', description: 'Outstanding principal at the end of `to`' }) closingBalance: string;
}
