import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate } from '../../../platform/dates/index.js';

export class BusinessDateDto {
  @ApiProperty({ example: '2025-04-21', description: 'The open business day; close of business for it advances it by one day' })
  businessDate: string;

  @ApiProperty({ example: '2025-04-20', description: 'The last closed day (business date − 1)' })
  lastClosedDate: string;
}

export class SetBusinessDateDto {
  @ApiProperty({ example: '2021-01-04', description: 'The first business day of the system (only before any money has moved)' })
  @IsLocalDate()
  businessDate: string;
}
