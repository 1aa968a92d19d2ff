import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';

export class CloseUntilDto {
  @ApiProperty({ example: '2025-04-20', description: 'Close every open day up to and including this one, in order' })
  @IsLocalDate()
  until: string;
}

export class CloseWaitQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'false: answer 202 with the run at once instead of waiting' })
  @IsOptional()
  @IsIn(['true', 'false'])
  wait?: 'true' | 'false';
}

export class CloseResultDto {
  @ApiProperty({ example: ['2025-04-19', '2025-04-20'] }) closedDates: string[];
  @ApiProperty({ example: '2025-04-21' }) businessDate: string;
  @ApiProperty({ example: 504, description: 'Σ ACTIVE loans closed over those days' }) loansProcessed: number;
}

export class CloseAcceptedDto {
  @ApiProperty({
    type: String,
    example: '2025-04-19',
    nullable: true,
    description: 'The run now closing (its date is its id); null when nothing is left to close',
  })
  runDate: string | null;
  @ApiProperty({ example: '2025-04-20' }) until: string;
  @ApiProperty({ type: String, example: '/api/v1/close-of-business/runs/2025-04-19', nullable: true }) location: string | null;
}

export class CloseRunsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] })
  @IsOptional()
  @IsIn(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'])
  status?: string;
}

export class CloseChunkDto {
  @ApiProperty() chunkNo: number;
  @ApiProperty({ example: '1', description: 'Borrower ids from (inclusive)' }) borrowerFrom: string;
  @ApiProperty({ type: String, example: '812', nullable: true, description: 'Borrower ids to (exclusive); null = no bound' }) borrowerTo: string | null;
  @ApiProperty() loans: number;
  @ApiProperty() loansDone: number;
  @ApiProperty({ enum: ['PENDING', 'RUNNING', 'DONE', 'FAILED'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
}

export class CloseRunDto {
  @ApiProperty({ example: '2025-04-19' }) businessDate: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] }) status: string;
  @ApiProperty({ example: '2025-04-20' }) until: string;
  @ApiProperty() attempt: number;
  @ApiProperty({ enum: ['MANUAL', 'SCHEDULED', 'CLI', 'CHAINED', 'RETRY'] }) trigger: string;
  @ApiProperty({ nullable: true }) queuedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
  @ApiProperty() loansTotal: number;
  @ApiProperty({ description: 'Loans of the chunks done so far' }) loansDone: number;
  @ApiProperty() chunksTotal: number;
  @ApiProperty() chunksDone: number;
  @ApiProperty() chunksFailed: number;
  @ApiProperty({ type: [Object] }) errors: Array<{ chunk: number | null; error: string; at: string }>;
}

export class CloseRunDetailDto extends CloseRunDto {
  @ApiProperty({ type: [CloseChunkDto] }) chunks: CloseChunkDto[];
}

export class RunDateParamDto {
  @ApiProperty({ example: '2025-04-19', description: 'The business date of the run' })
  @IsLocalDate()
  date: string;
}

/** A Bull Board session (bull-board-auth.service.ts); the cookie itself goes out in Set-Cookie only. */
export class BoardSessionDto {
  @ApiProperty({ example: '/admin/queues', description: 'Where the board is served' }) url: string;
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…', description: 'Bearer token for the board (also set as an HttpOnly cookie)' }) token: string;
  @ApiProperty({ example: '2025-04-19T10:00:00.000Z', description: 'When the session ends (one hour)' }) expiresAt: string;
}
