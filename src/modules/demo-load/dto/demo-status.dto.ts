import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const DEMO_STATES = ['loading', 'ready', 'absent', 'failed'] as const;
export type DemoState = (typeof DEMO_STATES)[number];

export class DemoCountDto {
  @ApiProperty({ example: 312 })
  done: number;

  @ApiPropertyOptional({ example: 504, nullable: true, type: Number, description: 'null while not known yet (repayments: until every loan is disbursed)' })
  total: number | null;
}

export class DemoProgressDto {
  @ApiProperty({ type: DemoCountDto })
  borrowers: DemoCountDto;

  @ApiProperty({ type: DemoCountDto })
  applications: DemoCountDto;

  @ApiProperty({ type: DemoCountDto })
  disbursements: DemoCountDto;

  @ApiProperty({ type: DemoCountDto })
  repayments: DemoCountDto;

  @ApiProperty({ type: DemoCountDto, description: 'Business days closed one by one by the real close of business' })
  closes: DemoCountDto;
}

export class DemoStatusDto {
  @ApiProperty({
    enum: DEMO_STATES,
    example: 'loading',
    description: 'absent: no demo was loaded into this database; failed: the load stopped (error says why) and the API serves what there is',
  })
  state: DemoState;

  @ApiPropertyOptional({ example: 'closes', nullable: true, type: String, description: 'users, setup, borrowers, history (backdated), closes, shares, done' })
  phase: string | null;

  @ApiProperty({ example: 45, description: 'Done in the current phase' })
  done: number;

  @ApiPropertyOptional({ example: 306, nullable: true, type: Number, description: 'Total of the current phase, when known' })
  total: number | null;

  @ApiPropertyOptional({ type: DemoProgressDto, nullable: true })
  progress: DemoProgressDto | null;

  @ApiPropertyOptional({ example: '2026-01-05T08:00:00.000Z', nullable: true, type: String })
  startedAt: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  finishedAt: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  error: string | null;
}
