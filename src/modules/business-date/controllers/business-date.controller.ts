import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ROLES, Roles, type Actor } from '../../../platform/actor/index.js';
import { BusinessDateDto, SetBusinessDateDto } from '../dto/business-date.dto.js';
import { BusinessDateService } from '../services/business-date.service.js';

@ApiTags('close-of-business')
@Controller('business-date')
export class BusinessDateController {
  constructor(private readonly businessDate: BusinessDateService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The open business date' })
  @ApiOkResponse({ type: BusinessDateDto })
  get(): Promise<BusinessDateDto> {
    return this.businessDate.view();
  }

  @Put()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Set the first business date of a new installation (refused once money has moved)' })
  @ApiOkResponse({ type: BusinessDateDto })
  set(@CurrentActor() actor: Actor, @Body() dto: SetBusinessDateDto): Promise<BusinessDateDto> {
    return this.businessDate.initialize(actor, dto.businessDate);
  }
}
