import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate } from '../../../platform/dates/index.js';

export class CloseUntilDto {
  @ApiProperty({ example: '2025-04-20', description: 'Close every open day up to and including this one, in order' })
  @IsLocalDate()
  until: string;
}

export class CloseResultDto {
  @ApiProperty({ example: ['2025-04-19', '2025-04-20'] }) closedDates: string[];
  @ApiProperty({ example: '2025-04-21' }) businessDate: string;
  @ApiProperty({ example: 504 }) loansProcessed: number;
}
