import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UpdateCollateralSettingsDto {
  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: 120, description: 'Revaluation period, months (a valuation older is stale)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  revaluationMonths?: number;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 365, description: 'Days before an expiry it shows in the queue and the reminders' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiryWarningDays?: number;

  @ApiPropertyOptional({ example: true, description: 'A guarantor who is a borrower counts in the 25% related-persons limit' })
  @IsOptional()
  @IsBoolean()
  guarantorsInGroupLimit?: boolean;
}
