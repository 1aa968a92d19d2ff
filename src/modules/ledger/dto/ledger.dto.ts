import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';

export class AsOfQueryDto {
  @ApiProperty({ example: '2025-12-31', description: 'Value date (inclusive)' })
  @IsLocalDate()
  asOf: string;
}

export class TrialBalanceRowDto {
  @ApiProperty({ example: 'PRINCIPAL_RECEIVABLE' }) account: string;
  @ApiProperty({ example: '2111' }) glCode: string;
  @ApiProperty({ example: 'Cho vay (dư nợ gốc)' }) nameVi: string;
  @ApiProperty({ example: 'Loan principal receivable' }) nameEn: string;
  @ApiProperty({ example: 'ASSET' }) type: string;
  @ApiProperty({ example: '600000000', description: 'Sum of debits, VND' }) debit: string;
  @ApiProperty({ example: '100000000', description: 'Sum of credits, VND' }) credit: string;
  @ApiProperty({ example: '500000000', description: 'Debit minus credit, VND' }) balance: string;
}

export class TrialBalanceDto {
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ type: [TrialBalanceRowDto] }) accounts: TrialBalanceRowDto[];
  @ApiProperty({ example: '0', description: 'Σ debits − Σ credits over all accounts; always 0' }) totalBalance: string;
}

export class UpdateGlCodeDto {
  @ApiProperty({ example: '2111', description: 'The fund’s general-ledger code for this account' })
  @IsString()
  @Matches(/^[0-9A-Za-z.-]{1,20}$/)
  glCode: string;
}

/** One account of the chart (ledger-query.service.ts accounts()). */
export class LedgerAccountDto {
  @ApiProperty({ example: 'PRINCIPAL_RECEIVABLE', description: 'The account’s purpose, its stable key' }) account: string;
  @ApiProperty({ example: '2111' }) glCode: string;
  @ApiProperty({ example: 'Cho vay (dư nợ gốc)' }) nameVi: string;
  @ApiProperty({ example: 'Loan principal receivable' }) nameEn: string;
  @ApiProperty({ example: 'ASSET', enum: ['ASSET', 'CONTRA_ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE', 'OFF_BALANCE'] }) type: string;
}

export class GlCodeDto {
  @ApiProperty({ example: 'PRINCIPAL_RECEIVABLE' }) account: string;
  @ApiProperty({ example: '2111' }) glCode: string;
}
