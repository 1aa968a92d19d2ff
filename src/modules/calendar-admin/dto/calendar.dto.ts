import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../calendar/index.js';

const KIND_HELP =
  'PUBLIC_HOLIDAY (Labour Code 2019 Art. 112.1), COMPENSATORY (Art. 111.3: a holiday on a weekly day off is taken on the next working day), ANNOUNCED_DAY_OFF (an extra day off the government announces, e.g. the longer Tết break), WORKING_DAY (a weekend day announced as a working day, làm bù)';

export class CalendarDayInputDto {
  @ApiProperty({ example: '2026-02-17' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ enum: CALENDAR_DAY_KINDS, example: 'PUBLIC_HOLIDAY', description: KIND_HELP })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameVi: string;

  @ApiProperty({ example: 'Lunar New Year (day 1)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameEn: string;

  @ApiPropertyOptional({ example: 'BLLĐ 2019 Đ112.1.b', description: 'Legal basis or announcement (default: "Thông báo")' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  basis?: string;
}

export class CalendarDayDto extends CalendarDayInputDto {
  @ApiProperty({ example: 2, description: 'ISO weekday, 1 = Monday … 7 = Sunday' }) weekday: number;
  @ApiProperty({ example: 'BLLĐ 2019 Đ112.1.b' }) declare basis: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({
    example: 'GENERATED',
    enum: ['GENERATED', 'CONFIRMED'],
    description:
      'GENERATED: the days the law gives, computed (lunar dates from the Vietnamese calendar), in force until the admin confirms or edits them; CONFIRMED: saved by an admin',
  })
  status: string;
  @ApiProperty({ example: null, nullable: true, type: String }) confirmedBy: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: "The confirming user's display name (for readers who may not list users)" })
  confirmedByName: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ example: 'Theo Thông báo số …/TB-BLĐTBXH', nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: [1, 2, 3, 4, 5], type: [Number], description: 'The working week (ISO weekdays)' }) workingWeekdays: number[];
  @ApiProperty({ type: [CalendarDayDto] }) days: CalendarDayDto[];
  @ApiProperty({ type: [CalendarDayDto], description: 'The days the law gives for the year (what GENERATED shows), to compare with the saved ones' })
  lawDays: CalendarDayDto[];
}

export class SaveCalendarYearDto {
  @ApiProperty({ type: [CalendarDayInputDto], description: 'Every special day of the year (replaces the saved ones); weekends need not be listed' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayInputDto)
  days: CalendarDayInputDto[];

  @ApiPropertyOptional({ example: 'Theo Thông báo số 6150/TB-BLĐTBXH' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ConfirmCalendarYearDto {
  @ApiPropertyOptional({ example: 'Đã đối chiếu với thông báo của Bộ Nội vụ' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class WorkingWeekDto {
  @ApiProperty({ example: [1, 2, 3, 4, 5], type: [Number], description: 'ISO weekdays the fund works (1 = Monday … 7 = Sunday)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingWeekdays: number[];
}

export class WorkingWeekViewDto extends WorkingWeekDto {
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) updatedAt: string;
}

export class DayOffReasonViewDto {
  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)' }) vi: string;
  @ApiProperty({ example: 'Lunar New Year (day 1)' }) en: string;
}

export class DueDateMoveDto {
  @ApiProperty({ example: '12' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2026-000012' }) contractNumber: string;
  @ApiProperty({ example: 2 }) seq: number;
  @ApiProperty({ example: '2026-03-15' }) contractualDate: string;
  @ApiProperty({ example: '2026-03-16', description: 'The due date now' }) fromDate: string;
  @ApiProperty({ example: '2026-03-17', description: 'The due date after the change' }) toDate: string;
  @ApiProperty({ type: DayOffReasonViewDto, nullable: true, example: { vi: 'Chủ Nhật', en: 'Sunday' } }) reason: DayOffReasonViewDto | null;
}

export class CalendarChangePreviewDto {
  @ApiProperty({ example: '2026-02-01', description: 'The open business date the change would take effect on: only installments due after it move' })
  businessDate: string;
  @ApiProperty({ example: 3, description: 'Loans whose schedule moves' }) loans: number;
  @ApiProperty({ example: 4, description: 'Installments not yet billed that move' }) installments: number;
  @ApiProperty({ type: [DueDateMoveDto], description: 'The first moves (at most 100), by loan and installment' }) moves: DueDateMoveDto[];
  @ApiProperty({ example: false, description: 'More moves than listed' }) truncated: boolean;
}

export class CalendarChangeDto {
  @ApiProperty({ example: '5' }) id: string;
  @ApiProperty({ example: 'YEAR', enum: ['YEAR', 'WORKING_WEEK'] }) kind: string;
  @ApiProperty({ example: 2026, nullable: true, type: Number }) year: number | null;
  @ApiProperty({ example: '2026-02-01' }) businessDate: string;
  @ApiProperty({ example: 3 }) loansMoved: number;
  @ApiProperty({ example: 4 }) installmentsMoved: number;
  @ApiProperty({ example: '1' }) createdBy: string;
  @ApiProperty({ example: 'Quản trị hệ thống', description: "The user's display name (for readers who may not list users)" }) createdByName: string;
  @ApiProperty({ example: '2026-02-01T02:00:00.000Z' }) createdAt: string;
}

export class CalendarChangeResultDto {
  @ApiProperty({ type: CalendarChangeDto }) change: CalendarChangeDto;
  @ApiProperty({ type: CalendarChangePreviewDto, description: 'What it moved' }) moved: CalendarChangePreviewDto;
}

export class DaysOffQueryDto {
  @ApiProperty({ example: '2026-02-01' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2026-02-28', description: 'At most 2 years after from' })
  @IsLocalDate()
  to: string;
}

export class DayOffDto {
  @ApiProperty({ example: '2026-02-17' }) date: string;
  @ApiProperty({ example: 2 }) weekday: number;
  @ApiProperty({ type: DayOffReasonViewDto, example: { vi: 'Tết Nguyên đán (mùng 1)', en: 'Lunar New Year (day 1)' } }) reason: DayOffReasonViewDto;
}
