import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CharterCapitalDto, CharterCapitalQueryDto, SetCharterCapitalDto } from '../dto/capital-source.dto.js';
import { CharterCapitalService } from '../services/charter-capital.service.js';

@ApiTags('capital-sources')
@Controller('fund/charter-capital')
export class CharterCapitalController {
  constructor(private readonly charter: CharterCapitalService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Set the fund’s paid-in charter capital from a date (Decree 45 Art. 23.2)' })
  @ApiCreatedResponse({ type: CharterCapitalDto })
  set(@CurrentActor() actor: Actor, @Body() dto: SetCharterCapitalDto): Promise<CharterCapitalDto> {
    return this.charter.set(actor, dto);
  }

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Charter capital history, newest effective date first' })
  @ApiOkResponse({ type: CharterCapitalDto, isArray: true })
  history(@CurrentActor() actor: Actor): Promise<CharterCapitalDto[]> {
    return this.charter.history(actor);
  }

  @Get('in-force')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'The charter capital in force on a date' })
  @ApiOkResponse({ type: CharterCapitalDto })
  inForce(@CurrentActor() actor: Actor, @Query() q: CharterCapitalQueryDto): Promise<CharterCapitalDto> {
    return this.charter.getInForce(actor, q.on);
  }
}
