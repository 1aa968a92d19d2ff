import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsTimestamp } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional({ example: '2' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ example: 'user.create' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+07:00' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

export class AuditEventDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ example: 3 }) chainId: number;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) occurredAt: string;
  @ApiProperty({ example: '1', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ example: 'admin' }) actorUsername: string;
  @ApiProperty({ example: 'user.create' }) action: string;
  @ApiProperty({ example: 'user' }) entityType: string;
  @ApiProperty({ example: '2' }) entityId: string;
  @ApiProperty({ example: null, nullable: true }) before: unknown;
  @ApiProperty({ example: { username: 'officer.lan' }, nullable: true }) after: unknown;
  @ApiProperty({ example: 'req-1', nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ example: 'GENESIS' }) prevHash: string;
  @ApiProperty({ example: '9f86d081884c7d65…' }) hash: string;
}

export class AuditVerifyDto {
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ example: 1200 }) eventsChecked: number;
  @ApiProperty({ example: 16 }) chains: number;
  @ApiProperty({ example: 48, description: 'Chain heads anchored by the closes of business, each checked to be still present' }) anchorsChecked: number;
  @ApiProperty({
    example: null,
    nullable: true,
    description:
      'The first event whose hash or link is broken (HASH_MISMATCH, PREVIOUS_HASH_MISMATCH), else the first anchored chain head that is gone (ANCHOR_MISSING: the chain was truncated)',
  })
  firstBreak: { id: string; chainId: number; reason: string } | null;
}
