import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, PageQueryDto, type Page } from '../../../platform/http/index.js';
import { CurrentActor, ROLES, Roles, type Actor } from '../../../platform/actor/index.js';
import {
  CalendarChangeDto,
  CalendarChangePreviewDto,
  CalendarChangeResultDto,
  CalendarYearDto,
  ConfirmCalendarYearDto,
  DayOffDto,
  DaysOffQueryDto,
  SaveCalendarYearDto,
  WorkingWeekDto,
  WorkingWeekViewDto,
} from '../dto/calendar.dto.js';
import { CalendarAdminService } from '../services/calendar-admin.service.js';

const YEAR = {
  name: 'year',
  type: 'integer',
  format: 'int32',
  minimum: 1900,
  maximum: 2199,
  example: 2026,
  description: 'Gregorian year (1900–2199)',
} as const;
const MOVES_NOTE =
  'Only installments not yet billed (due after the open business date) of ACTIVE loans whose rule moves due dates are moved; each loan gets a dated DUE_DATE_CHANGE event (docs/working-days.md).';

/** The fund calendar (docs/working-days.md): working week, each year's days off, previews of what a change moves. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarAdminService) {}

  @Get('working-week')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The working week (ISO weekdays; Monday–Friday by default)' })
  @ApiOkResponse({ type: WorkingWeekViewDto })
  workingWeek(@CurrentActor() actor: Actor): Promise<WorkingWeekViewDto> {
    return this.calendar.workingWeek(actor);
  }

  @Post('working-week/preview')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: how many loans and installments a new working week would move (nothing saved)', description: MOVES_NOTE })
  @ApiOkResponse({ type: CalendarChangePreviewDto })
  previewWorkingWeek(@CurrentActor() actor: Actor, @Body() dto: WorkingWeekDto): Promise<CalendarChangePreviewDto> {
    return this.calendar.previewWorkingWeek(actor, dto.workingWeekdays);
  }

  @Put('working-week')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Set the working week; moves the due dates it moves (audited)', description: MOVES_NOTE })
  @ApiOkResponse({ type: CalendarChangeResultDto })
  saveWorkingWeek(@CurrentActor() actor: Actor, @Body() dto: WorkingWeekDto): Promise<CalendarChangeResultDto> {
    return this.calendar.saveWorkingWeek(actor, dto.workingWeekdays);
  }

  @Get('years/:year')
  @Roles(...ROLES)
  @ApiParam(YEAR)
  @ApiOperation({ summary: "A year's days off: the admin's (CONFIRMED) or the law's (GENERATED), with the law's days to compare" })
  @ApiOkResponse({ type: CalendarYearDto })
  year(@CurrentActor() actor: Actor, @Param('year') year: string): Promise<CalendarYearDto> {
    return this.calendar.year(actor, Number(year));
  }

  @Post('years/:year/preview')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiParam(YEAR)
  @ApiOperation({ summary: 'Dry run: how many loans and installments saving these days would move, and which (nothing saved)', description: MOVES_NOTE })
  @ApiOkResponse({ type: CalendarChangePreviewDto })
  previewYear(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() dto: SaveCalendarYearDto): Promise<CalendarChangePreviewDto> {
    return this.calendar.previewYear(actor, Number(year), dto);
  }

  @Put('years/:year')
  @Roles('ADMIN')
  @ApiParam(YEAR)
  @ApiOperation({
    summary: "Save (edit) a year's days, e.g. the announced Tết break; the year becomes CONFIRMED; moves the due dates it moves (audited)",
    description: MOVES_NOTE,
  })
  @ApiOkResponse({ type: CalendarChangeResultDto })
  saveYear(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() dto: SaveCalendarYearDto): Promise<CalendarChangeResultDto> {
    return this.calendar.saveYear(actor, Number(year), dto);
  }

  @Post('years/:year/confirm')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiParam(YEAR)
  @ApiOperation({ summary: "Confirm a year's days as they stand (the law's when not saved yet); audited" })
  @ApiOkResponse({ type: CalendarChangeResultDto })
  confirmYear(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() dto: ConfirmCalendarYearDto): Promise<CalendarChangeResultDto> {
    return this.calendar.confirmYear(actor, Number(year), dto.note ?? null);
  }

  @Get('days-off')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The days off between two dates (at most two years), weekends included, with their names' })
  @ApiOkResponse({ type: DayOffDto, isArray: true })
  daysOff(@CurrentActor() actor: Actor, @Query() q: DaysOffQueryDto): Promise<DayOffDto[]> {
    return this.calendar.daysOff(actor, q.from, q.to);
  }

  @Get('changes')
  @Roles('ADMIN', 'AUDITOR', 'APPROVER', 'OFFICER')
  @ApiOperation({ summary: 'Every calendar change: when it took effect, who made it, how many loans and installments it moved' })
  @ApiPageResponse(CalendarChangeDto)
  changes(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<CalendarChangeDto>> {
    return this.calendar.changes(actor, q);
  }
}
